import { AlertsExplorer } from '../../features/alerts/components/AlertsExplorer';
import { useDocumentTitle } from '../../lib/use-document-title';

export function AlertsRoute() {
  useDocumentTitle('Alerts');
  return (
    <>
      <h1>Alerts</h1>
      <p className="lede">Every request the webhook received — accepted, rejected or duplicate — and the order it became.</p>
      <AlertsExplorer />
    </>
  );
}
