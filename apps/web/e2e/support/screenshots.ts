import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Where the suite leaves one full-page screenshot per page for people to look at (gitignored). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../../artifacts/screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
