import { TradesBoard } from '../../features/trades/components/TradesBoard';
import { useDocumentTitle } from '../../lib/use-document-title';

export function TradesRoute() {
  useDocumentTitle('Trades');
  return (
    <>
      <h1>Trades</h1>
      <TradesBoard />
    </>
  );
}
