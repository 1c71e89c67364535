import { ORIGINAL_PAYLOAD_EXAMPLE, TRADINGVIEW_TARGET_TEMPLATE, TRADINGVIEW_TEMPLATE } from '@tradehook/contracts';
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
      <p>
        For a strategy in position mode <em>target</em> (console → strategies) the alert states the position the strategy
        holds after the order; only the difference to what it holds now, working orders included, is traded. A repeated
        alert then trades nothing, a missed one is made up by the next, and one that fired before an alert already
        applied is refused. <code>direction</code> also takes <code>EXIT</code> (or <code>CLOSE</code>,{' '}
        <code>FLAT</code>), <code>REVERSE</code> and <code>CANCEL</code>.
      </p>
      <CodeBlock title="TradingView template, target mode" code={TRADINGVIEW_TARGET_TEMPLATE} />
      <CodeBlock title="Original payload" code={JSON.stringify(ORIGINAL_PAYLOAD_EXAMPLE, null, 2)} />
    </section>
  );
}
