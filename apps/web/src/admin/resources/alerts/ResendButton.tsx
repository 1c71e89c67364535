import type { AlertStatus, WebhookReply } from '@tradehook/contracts';
import { RecordActionButton } from '../../shared/RecordActionButton';

/** The fates an alert can be resent from: it never became an order. */
export const RESENDABLE: readonly AlertStatus[] = ['expired', 'failed', 'refused'];

/** Sends an alert that did not trade again, as a new alert; a second resend of the same alert is a duplicate. */
export function ResendButton() {
  return (
    <RecordActionButton<WebhookReply>
      action="resend"
      label="Resend"
      appliesTo={(alert) => RESENDABLE.includes(alert.status)}
      confirmTitle="Resend this alert?"
      confirmContent={(alert) =>
        `Alert #${alert.id} (${alert.status}) is stored again as a new alert and, if the risk rules allow it, ` +
        'becomes a new order at Interactive Brokers.'
      }
      run={(dataProvider, alert) => dataProvider.resendAlert(alert.id)}
      done={(reply, alert) =>
        reply.status === 'duplicate'
          ? { message: `Alert #${alert.id} was already resent, as alert #${reply.id}.`, type: 'warning' }
          : { message: `Resent as alert #${reply.id}.` }
      }
    />
  );
}
