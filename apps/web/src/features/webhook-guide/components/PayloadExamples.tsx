import { ORIGINAL_PAYLOAD_EXAMPLE, TRADINGVIEW_TEMPLATE } from '@tradehook/contracts';
import { CodeBlock } from '../../../components/CodeBlock';

export function PayloadExamples() {
  return (
    <section aria-labelledby="examples-title">
      <h2 id="examples-title">Examples</h2>
      <p>
        The TradingView template goes into the alert's “Message” box: TradingView fills the <code>{'{{…}}'}</code>{' '}
        placeholders when the alert fires. Replace <code>your_secret_message</code> with your webhook secret.
      </p>
      <CodeBlock title="TradingView template" code={TRADINGVIEW_TEMPLATE} />
      <CodeBlock title="Original payload" code={JSON.stringify(ORIGINAL_PAYLOAD_EXAMPLE, null, 2)} />
    </section>
  );
}
