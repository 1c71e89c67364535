import { AccountCards } from '../../features/account/components/AccountCards';
import { LatestAlerts } from '../../features/alerts/components/LatestAlerts';
import { StatusOverview } from '../../features/status/components/StatusOverview';
import { useWebhookUrl } from '../../features/status/use-webhook-url';
import { FirstWebhookSnippet } from '../../features/webhook-guide/components/FirstWebhookSnippet';
import { useDocumentTitle } from '../../lib/use-document-title';

export function HomeRoute() {
  useDocumentTitle('Home');
  const webhookUrl = useWebhookUrl();
  return (
    <>
      <h1>Overview</h1>
      <StatusOverview />
      <AccountCards />
      <LatestAlerts />
      <FirstWebhookSnippet webhookUrl={webhookUrl} />
    </>
  );
}
