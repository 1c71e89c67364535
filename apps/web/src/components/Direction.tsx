/** Buy in green with ▲, sell in red with ▼: the word is always there, colour only reinforces it. */
export function Direction({ value }: { value: string | null }) {
  const side = value?.toUpperCase();
  if (side === 'BUY') return <span className="direction buy"><span aria-hidden="true">▲ </span>Buy</span>;
  if (side === 'SELL') return <span className="direction sell"><span aria-hidden="true">▼ </span>Sell</span>;
  return <span className="muted">{value ?? '—'}</span>;
}
