import { originalPayload, startTestStack, type TestStack } from '../support/stack';
import { postRaw } from './support/alert-client';
import { recordFigures } from './support/figures';
import { hostileCorpus } from './support/hostile-corpus';

describe('a generated corpus of malformed and hostile /webhook bodies', () => {
  let stack: TestStack;
  const corpus = hostileCorpus();
  const replies: Array<{ name: string; status: number; body: any }> = [];
  beforeAll(async () => {
    // Every case comes from one address and most carry no valid secret: the failure limit (tested in
    // routes/webhook-secrets) would answer 429 after 60 of them and store nothing more.
    stack = await startTestStack({ env: { WEBHOOK_FAILURE_LIMIT_PER_MINUTE: '0' } });
    for (const c of corpus) {
      const reply = await postRaw(stack.url, c.body, c.contentType);
      replies.push({ name: c.name, status: reply.status ?? 0, body: reply.body }); // 0: no answer at all
    }
  });
  afterAll(() => stack.close());

  it('has at least 200 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
  });

  it('answers each with a 4xx and a message that says what is wrong', () => {
    const unclear = replies.filter((r, i) =>
      r.status < 400 || r.status >= 500 || (corpus[i].expect !== undefined && r.status !== corpus[i].expect)
      || typeof r.body?.error !== 'string' || typeof r.body?.message !== 'string' || r.body.message.length < 15);
    expect(unclear).toEqual([]);
  });

  it('stays up and keeps accepting valid alerts', async () => {
    expect((await stack.get('/health')).status).toBe(200);
    const valid = await stack.post(originalPayload({ symbol: 'SPY', exchange: 'NYSE', alertId: 'after-the-corpus' }));
    expect(valid.status).toBe(200);
  });

  it('records every attempt as rejected, with its reason, and nothing else', async () => {
    const rows = await stack.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM alerts WHERE external_id IS DISTINCT FROM 'after-the-corpus' GROUP BY status`);
    const [{ n: orders }] = await stack.query(`SELECT count(*)::int AS n FROM orders o JOIN alerts a ON a.id = o.alert_id
      WHERE a.external_id IS DISTINCT FROM 'after-the-corpus'`);
    const [{ n: reasonless }] = await stack.query(`SELECT count(*)::int AS n FROM alerts WHERE status = 'rejected' AND (reason IS NULL OR reason = '')`);
    const byStatus = new Map<number, number>();
    for (const r of replies) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    recordFigures('hostile-bodies', {
      cases: corpus.length, ...Object.fromEntries([...byStatus].map(([status, n]) => [`answered${status}`, n])),
      rowsRejected: rows.find((r) => r.status === 'rejected')?.n ?? 0, rowsOther: rows.filter((r) => r.status !== 'rejected').length, orders,
    });
    expect(rows).toEqual([{ status: 'rejected', n: corpus.length }]);
    expect(orders).toBe(0);
    expect(reasonless).toBe(0);
  });
});
