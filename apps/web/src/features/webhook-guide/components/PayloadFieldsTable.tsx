import { payloadFieldRows } from '../payload-fields';

const ROWS = payloadFieldRows();

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
              <td>{row.required ? 'Required' : 'Optional'}</td>
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
