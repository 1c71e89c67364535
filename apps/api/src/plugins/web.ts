import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const API_PREFIXES = ['/api/', '/webhook', '/documentation', '/health', '/metrics'];

/** Serves the built SPA (apps/web/dist) on the same port; unknown non-API paths get index.html (client routing). */
export async function webPlugin(app: FastifyInstance, opts: { distDir: string }): Promise<void> {
  const index = path.join(opts.distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ distDir: opts.distDir }, 'web app not built: run `pnpm build` to serve the pages');
    app.get('/', async (_req, reply) =>
      reply.type('text/html').send('<h1>Tradehook</h1><p>The web app is not built. API docs: <a href="/documentation">/documentation</a></p>'));
    return;
  }
  await app.register(fastifyStatic, { root: opts.distDir, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    // Case-insensitive: /API/… is no page either, and answering it with the app would only confuse.
    const url = req.url.toLowerCase();
    const wantsPage = (req.method === 'GET' || req.method === 'HEAD') && !API_PREFIXES.some((p) => url.startsWith(p));
    if (wantsPage) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ error: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` });
  });
}
