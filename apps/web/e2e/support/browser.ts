import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface Browser {
  context: BrowserContext;
  /** A new tab at this size; whatever goes wrong in it lands in `problems`. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /**
   * What went wrong in any page so far (console errors, uncaught exceptions, HTTP errors with their URL), for a
   * final "none" assertion.
   */
  problems: string[];
  /** Closes every tab newPage() opened. */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, in a fresh profile that close() deletes (see stack-notes "Browser tests"). */
export async function launchBrowser(): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tradehook-e2e-chromium-'));
  const removeProfile = () => fs.rmSync(profile, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  }).catch((error: unknown) => {
    removeProfile();
    throw error;
  });
  const problems: string[] = [];
  const pages = new Set<Page>();
  return {
    context,
    problems,
    async newPage(viewport) {
      const page = await context.newPage();
      pages.add(page);
      page.on('close', () => pages.delete(page));
      if (viewport) await page.setViewportSize(viewport);
      page.on('pageerror', (error) => problems.push(`${page.url()}: uncaught ${error.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`${page.url()}: console ${msg.text()}`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400) problems.push(`${page.url()}: ${res.request().method()} ${res.url()} → ${res.status()}`);
      });
      return page;
    },
    async closePages() {
      await Promise.all([...pages].map((page) => page.close()));
    },
    async close() {
      await context.close();
      removeProfile();
    },
  };
}
