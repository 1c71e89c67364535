import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { originalPayload, startTestStack, type TestStack } from '../../../api/test/support/stack';
import { launchBrowser, type Browser } from './browser';

/** What the tests trade: a stock the simulator fills at the alert's price. */
export const STOCK = { symbol: 'AAPL', exchange: 'NASDAQ', price: 190 };

const WEB_DIST_DIR = path.resolve(__dirname, '../../dist');

export interface App {
  stack: TestStack;
  browser: Browser;
  /**
   * Opens a page of the web app in a new tab; resolves once its heading shows and its live-event stream is
   * subscribed (so whatever happens next is announced to it).
   */
  open(pathname: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export interface AppOptions {
  /**
   * Whether the browser starts with the stack's admin session (default): a test of the login page itself starts
   * signed out.
   */
  signedIn?: boolean;
}

/** The real product serving the built web app (fresh database, simulated IB), and a browser to look at it. */
export async function startApp({ signedIn = true }: AppOptions = {}): Promise<App> {
  if (!fs.existsSync(path.join(WEB_DIST_DIR, 'index.html'))) {
    throw new Error(`${WEB_DIST_DIR} has no build: run \`pnpm --filter @tradehook/web build\` first`);
  }
  const stack = await startTestStack({ env: { WEB_DIST_DIR } });
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    if (signedIn) {
      // Signed in as the stack's admin: the trader pages need a session.
      const [name, value] = stack.cookie.split(/=(.*)/s);
      await browser.context.addCookies([{ name, value, url: stack.url }]);
    }
    // The simulator fills at its own price per symbol.
    stack.sim.setPrice(STOCK.symbol, STOCK.price);
    await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
  } catch (error) {
    await browser?.close();
    await stack.close();
    throw error;
  }
  const tabs = browser;
  return {
    stack,
    browser: tabs,
    async open(pathname, viewport) {
      const page = await tabs.newPage(viewport);
      // The API writes the stream's headers after subscribing: their arrival means events will reach the page.
      const subscribed = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/events', { timeout: 10_000 });
      await page.goto(`${stack.url}${pathname}`);
      await Promise.all([subscribed, page.getByRole('heading', { level: 1 }).waitFor({ timeout: 10_000 })]);
      return page;
    },
    async close() {
      await tabs.close();
      await stack.close();
    },
  };
}

/** Posts an alert for STOCK the way TradingView does (over HTTP, to /webhook); returns status and reply. */
export async function postAlert(app: App, overrides: Record<string, unknown> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${app.stack.url}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(originalPayload({ ...STOCK, ...overrides })),
  });
  return { status: res.status, body: await res.json() };
}

/** The IB order id of an alert, once the dispatcher has placed it. */
export async function ibOrderIdOf(app: App, alertId: number): Promise<number> {
  return app.stack.waitFor(async () => (await app.stack.get(`/api/alerts/${alertId}`)).body.order?.ibOrderId, `order of alert ${alertId}`);
}

/**
 * The app for one test file: started before its tests, closed after them; after each test its tabs are closed
 * (each holds one of the browser's 6 connections per host with its event stream) and no page may have logged
 * an error.
 */
export function useApp(options?: AppOptions): () => App {
  let app: App | undefined;
  beforeAll(async () => {
    app = await startApp(options);
  });
  afterEach(async () => {
    if (!app) return;
    await app.browser.closePages();
    expect(app.browser.problems.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (!app) throw new Error('the app did not start');
    return app;
  };
}
