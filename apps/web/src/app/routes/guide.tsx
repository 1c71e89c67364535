import { useWebhookUrl } from '../../features/status/use-webhook-url';
import { PayloadExamples } from '../../features/webhook-guide/components/PayloadExamples';
import { PayloadFieldsTable } from '../../features/webhook-guide/components/PayloadFieldsTable';
import { WebhookEndpoint } from '../../features/webhook-guide/components/WebhookEndpoint';
import { WebhookResponsesTable } from '../../features/webhook-guide/components/WebhookResponsesTable';
import { useDocumentTitle } from '../../lib/use-document-title';

export function GuideRoute() {
  useDocumentTitle('Webhook guide');
  const webhookUrl = useWebhookUrl();
  return (
    <>
      <h1>Webhook guide</h1>
      <p className="lede">
        TradingView posts an alert to Tradehook; Tradehook stores it and places the order with Interactive Brokers.
      </p>
      <WebhookEndpoint url={webhookUrl} />
      <PayloadExamples />
      <section aria-labelledby="fields-title">
        <h2 id="fields-title">Fields</h2>
        <PayloadFieldsTable />
      </section>
      <section aria-labelledby="responses-title">
        <h2 id="responses-title">Responses and errors</h2>
        <WebhookResponsesTable />
      </section>
      <p>
        Every endpoint, with schemas you can try out: <a href="/documentation">API documentation (Swagger UI)</a>.
      </p>
    </>
  );
}
