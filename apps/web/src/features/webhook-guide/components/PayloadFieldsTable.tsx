import { CONDITIONALLY_REQUIRED, SECRET_FIELDS } from '@tradehook/contracts';
import { payloadFieldRows, type PayloadFieldRow } from '../payload-fields';

const ROWS = payloadFieldRows();

/**
 * The schema marks each secret field optional only because any one of them may carry the secret; without one the
 * webhook answers 401, so the guide says "Required" and names the alternatives.
 */
function Requirement({ row }: { row: PayloadFieldRow }) {
  if (row.required) return <>Required</>;
  const when = CONDITIONALLY_REQUIRED[row.name];
  if (when) return <>Required {when}</>;
  if (!row.secret) return <>Optional</>;
  const alternatives = SECRET_FIELDS.filter((name) => name !== row.name);
  return (
    <>
      Required
      <span className="reason">or {alternatives.join(' or ')} instead</span>
    </>
  );
}

export function PayloadFieldsTable() {
  return (
    <div className="table-scroll">
      <table className="fields">
        <caption>Payload fields (JSON object; unknown fields are refused)</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Meaning</th>
            <th scope="col">Example</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.name}>
              <th scope="row"><code>{row.name}</code></th>
              <td>{row.type}</td>
              <td><Requirement row={row} /></td>
              <td>
                {row.description}
                {row.secret && <span className="reason">Never stored or logged: redacted on arrival.</span>}
                {row.constraints.length > 0 && <span className="reason">{row.constraints.join(', ')}</span>}
              </td>
              <td>{row.example !== null ? <code>{row.example}</code> : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
