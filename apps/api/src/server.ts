import { ConfigError } from './config';
import { startTradehook } from './start';

/** The command-line entry: start, print where to open it, shut down gracefully on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const running = await startTradehook();
  const { url, services } = running;
  const ib = services.session.connection();
  process.stdout.write(
    `\n  Tradehook is running.\n\n` +
    `  Open:          ${url}\n` +
    `  Webhook URL:   ${url}/webhook\n` +
    `  API docs:      ${url}/documentation\n` +
    `  IB:            ${ib.mode} at ${ib.host}:${ib.port} (client id ${ib.clientId})\n\n`,
  );
  if (running.generatedAdmin) {
    process.stdout.write(
      `  First start: an admin was created. Sign in with\n` +
      `      username: ${running.generatedAdmin.username}\n      password: ${running.generatedAdmin.password}\n` +
      `  (shown only now; change it with: pnpm --filter @tradehook/api user ${running.generatedAdmin.username})\n\n`,
    );
  }
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    running.app.log.info(`${signal}: shutting down`);
    running.close().then(() => process.exit(0), (error) => {
      running.app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Tradehook failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
