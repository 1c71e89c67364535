import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __tradehookEmbedded?: { stop(): Promise<void>; dir: string } }).__tradehookEmbedded;
  if (!embedded) return;
  delete (globalThis as { __tradehookEmbedded?: unknown }).__tradehookEmbedded;
  await embedded.stop();
  fs.rmSync(embedded.dir, { recursive: true, force: true });
}
