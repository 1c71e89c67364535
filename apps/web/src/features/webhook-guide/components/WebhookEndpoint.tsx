import { CopyButton } from '../../../components/CopyButton';

/** The one thing a trader must paste into TradingView's "Webhook URL" box. */
export function WebhookEndpoint({ url }: { url: string }) {
  return (
    <section aria-labelledby="endpoint-title" className="card">
      <h2 id="endpoint-title">Webhook URL</h2>
      <p>Paste this into the “Webhook URL” field of your TradingView alert (Notifications tab):</p>
      <p className="endpoint">
        <code>{url}</code> <CopyButton text={url} accessibleLabel="Copy webhook URL" />
      </p>
    </section>
  );
}
