import { WEBHOOK_RESPONSES } from '../webhook-responses';

export function WebhookResponsesTable() {
  return (
    <div className="table-scroll">
      <table className="fields">
        <caption>Responses from POST /webhook</caption>
        <thead>
          <tr>
            <th scope="col" className="num">HTTP</th>
            <th scope="col">Meaning</th>
            <th scope="col">Example body</th>
          </tr>
        </thead>
        <tbody>
          {WEBHOOK_RESPONSES.map((r, i) => (
            <tr key={i}>
              <th scope="row" className="num">{r.status}</th>
              <td>{r.meaning}</td>
              <td>
                <pre className="inline-json"><code>{JSON.stringify(r.body, null, 2)}</code></pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
