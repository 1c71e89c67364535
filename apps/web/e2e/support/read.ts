import type { Locator, Page } from 'playwright-core';

export type Row = Record<string, string>;

/** A table by its caption (its accessible name). */
export const tableNamed = (page: Page, caption: string): Locator => page.getByRole('table', { name: caption, exact: true });

/**
 * The data rows of a table as objects keyed by column header (the visible text of each cell); the single
 * loading / empty / error row is left out.
 */
export async function readTable(table: Locator): Promise<Row[]> {
  return table.evaluate((el) => {
    const headers = [...el.querySelectorAll('thead th')].map((th) => (th as HTMLElement).innerText.trim());
    return [...el.querySelectorAll('tbody tr:not(.state-row)')].map((tr) =>
      Object.fromEntries([...tr.children].map((cell, i) => [headers[i] || `#${i}`, (cell as HTMLElement).innerText.trim()])));
  });
}

/** A <dl>'s terms and definitions, e.g. { 'Alerts accepted': '1' }. */
export async function readDefinitions(list: Locator): Promise<Record<string, string>> {
  return list.evaluate((el) =>
    Object.fromEntries([...el.querySelectorAll('dt')].map((dt) => [
      (dt as HTMLElement).innerText.trim(),
      (dt.nextElementSibling as HTMLElement | null)?.innerText.trim() ?? '',
    ])));
}
