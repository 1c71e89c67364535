import type { AlertDetail } from '@tradehook/contracts';
import { FunctionField } from 'react-admin';
import { JsonBlock } from '../../shared/fields';

/** The body as received: admins only (the API sends viewers none), and said so when only its head was kept. */
export function RawBodyField() {
  return (
    <FunctionField<AlertDetail>
      label="Body as received (secrets redacted)"
      render={(alert) =>
        alert.rawBodyHidden ? (
          <em>Hidden for your role: only admins see raw bodies.</em>
        ) : (
          <>
            <JsonBlock value={alert.rawBody} />
            {alert.rawBodyTruncated && <small>Only the first KB was stored: the request had no valid secret.</small>}
          </>
        )
      }
    />
  );
}
