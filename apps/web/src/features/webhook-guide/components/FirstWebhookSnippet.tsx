import { ORIGINAL_PAYLOAD_EXAMPLE } from '@tradehook/contracts';
import { Link } from 'react-router-dom';
import { CodeBlock } from '../../../components/CodeBlock';
import { curlCommand } from '../curl-command';

/** The shortest path to a first alert: one curl against this server's real webhook URL. */
export function FirstWebhookSnippet({ webhookUrl }: { webhookUrl: string }) {
  return (
    <section aria-labelledby="first-webhook-title">
      <h2 id="first-webhook-title">Send your first webhook</h2>
      <p>
        Replace <code>your_secret_message</code> with your webhook secret, run this, and the alert appears above.{' '}
        <Link to="/guide">Webhook guide</Link>
      </p>
      <CodeBlock title="curl command" code={curlCommand(webhookUrl, ORIGINAL_PAYLOAD_EXAMPLE)} />
    </section>
  );
}
