import { useEffect, useId, useRef } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { useRevealedSecret } from './secret-store';

/**
 * Shows a strategy secret the one time the API answers it, with a copy button. Dismissing it forgets the secret:
 * Tradehook keeps only a hash, so a lost secret can only be replaced (rotated), never shown again.
 */
export function OneTimeSecretDialog() {
  const { revealed, dismiss } = useRevealedSecret();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (revealed && !dialog.open) dialog.showModal();
    if (!revealed && dialog.open) dialog.close();
  }, [revealed]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={dismiss}>
      {revealed ? (
        <>
          <h2 id={titleId}>Secret for “{revealed.label}”</h2>
          <p role="note">
            <strong>Shown once.</strong> Copy it now into this strategy’s TradingView alerts (as <code>"secmgs"</code>).
            Tradehook stores only a hash: after you close this, the secret cannot be shown again, only rotated.
          </p>
          <p>
            <code className="secret" data-testid="one-time-secret">
              {revealed.secret}
            </code>
          </p>
          <CopyButton text={revealed.secret} label="Copy secret" />
          <div className="dialog-actions">
            <button type="button" className="button primary" onClick={dismiss}>
              I have stored it
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
