import type { TestStack } from './stack';

/** What the admin API answers a write with (a record, or an error's message). */
export interface AdminReply {
  status: number;
  body: { id: number; secret: string; message: string; name: string };
}

/** POST or PUT JSON to /api/admin/<path> with the admin's session. */
export async function adminSend(stack: TestStack, method: 'POST' | 'PUT', path: string, body: unknown): Promise<AdminReply> {
  const res = await stack.fetch(`/api/admin/${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as AdminReply['body'] };
}

/** Posts an alert (expecting it accepted) and waits for its fate: placed, refused, expired or failed, with the reason. */
export async function fateOf(stack: TestStack, payload: Record<string, unknown>): Promise<{ status: string; reason: string; id: number }> {
  const { status, body } = await stack.post(payload);
  expect(status).toBe(200);
  return stack.waitFor(async () => {
    const [a] = await stack.query(`SELECT status, reason FROM alerts WHERE id = $1 AND status <> 'accepted'`, [body.id]);
    return a && { ...(a as { status: string; reason: string }), id: body.id as number };
  }, `fate of alert ${body.id}`);
}

/** The orders the simulator received for an alert (its orderRef is TH-<alert id>-…). */
export const ordersAtIb = (stack: TestStack, alertId: number) => stack.sim.orders.filter((o) => o.orderRef.startsWith(`TH-${alertId}-`));
