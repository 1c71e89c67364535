/** Wraps text in single quotes for a POSIX shell (a quote inside becomes '\''). */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A copy-pasteable curl that posts a payload the way TradingView does. */
export function curlCommand(url: string, payload: unknown): string {
  return [
    `curl -X POST ${shellQuote(url)}`,
    `  -H 'Content-Type: application/json'`,
    `  -d ${shellQuote(JSON.stringify(payload))}`,
  ].join(' \\\n');
}
