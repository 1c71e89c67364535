import { useEffect, useState } from 'react';

interface Props {
  text: string;
  /** Visible text; keep it short on a phone. */
  label?: string;
  /** What a screen reader hears, when the visible label alone is ambiguous (must start with the label). */
  accessibleLabel?: string;
}

/** Copies text to the clipboard and says so in a live region (screen readers hear "Copied"). */
export function CopyButton({ text, label = 'Copy', accessibleLabel }: Props) {
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (outcome === 'idle') return;
    const timer = setTimeout(() => setOutcome('idle'), 2000);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed'); // insecure origin or permission refused: the text is still selectable
    }
  };

  return (
    <span className="copy">
      <button type="button" className="button small" onClick={copy} aria-label={accessibleLabel}>
        {label}
      </button>
      <span aria-live="polite" className="copy-outcome">
        {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Copy failed — select the text instead' : ''}
      </span>
    </span>
  );
}
