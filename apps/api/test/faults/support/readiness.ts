import { until } from './wait';

/** The IB connection state an API reports on /metrics (no session needed), or null when it does not answer. */
export async function ibStateOf(url: string, metricsToken?: string): Promise<string | null> {
  try {
    const res = await fetch(`${url}/metrics`, { headers: metricsToken ? { authorization: `Bearer ${metricsToken}` } : {} });
    const text = await res.text();
    return /^tradehook_ib_connection_state\{state="(\w+)"\} 1$/m.exec(text)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Until the API says IB is connected and reconciled: ready to place orders. */
export async function untilIbConnected(url: string, timeoutMs = 20_000): Promise<void> {
  await until(async () => (await ibStateOf(url)) === 'connected', `${url} connected to IB`, timeoutMs, 50);
}
