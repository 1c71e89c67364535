import { PositionsBoard } from '../../features/positions/components/PositionsBoard';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Loaded on first visit (a lazy chunk): the trader entry stays within its budget. */
export default function PositionsRoute() {
  useDocumentTitle('Positions');
  return (
    <>
      <h1>Positions</h1>
      <PositionsBoard />
    </>
  );
}
