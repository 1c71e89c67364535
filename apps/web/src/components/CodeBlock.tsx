import { useId } from 'react';
import { CopyButton } from './CopyButton';

/** A titled, copyable block of code (wraps on narrow screens rather than scrolling the page). */
export function CodeBlock({ title, code }: { title: string; code: string }) {
  const id = useId();
  return (
    <figure className="code-block">
      <figcaption>
        <span id={id}>{title}</span>
        <CopyButton text={code} accessibleLabel={`Copy ${title}`} />
      </figcaption>
      <pre aria-labelledby={id} tabIndex={0}>
        <code>{code}</code>
      </pre>
    </figure>
  );
}
