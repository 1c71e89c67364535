import { ALERT_STATUSES } from '@tradehook/contracts';
import { useState, type FormEvent } from 'react';
import type { AlertFilters } from '../search-params';

interface Props {
  value: AlertFilters;
  onApply: (filters: AlertFilters) => void;
}

/** Filters are applied on submit (Enter or the button), not per keystroke: one request per intent. */
export function AlertFiltersForm({ value, onApply }: Props) {
  const [strategy, setStrategy] = useState(value.strategy ?? '');
  const [symbol, setSymbol] = useState(value.symbol ?? '');
  const [status, setStatus] = useState<string>(value.status ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      strategy: strategy.trim() || undefined,
      symbol: symbol.trim() || undefined,
      status: (status || undefined) as AlertFilters['status'],
    });
  };
  const clear = () => {
    setStrategy('');
    setSymbol('');
    setStatus('');
    onApply({});
  };

  return (
    <form className="filters" role="search" aria-label="Filter alerts" onSubmit={submit}>
      <label>
        Strategy
        <input value={strategy} onChange={(e) => setStrategy(e.target.value)} placeholder="Exact name" />
      </label>
      <label>
        Symbol
        <input value={symbol} onChange={(e) => setSymbol(e.target.value)} placeholder="e.g. NQU4" autoCapitalize="characters" />
      </label>
      <label>
        Status
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Any</option>
          {ALERT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <div className="filter-actions">
        <button type="submit" className="button primary">Apply</button>
        <button type="button" className="button" onClick={clear}>Clear</button>
      </div>
    </form>
  );
}
