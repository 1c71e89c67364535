import type { ReactNode } from 'react';
import { TableStateRow } from './TableStateRow';

/**
 * A column header; numeric columns are right-aligned; a class (e.g. `optional`) applies to the header cell; a short
 * label is what a dense table shows, the full one stays its accessible name.
 */
export type Column = [label: string, numeric: boolean, className?: string, short?: string];

interface Props<T> {
  caption: string;
  columns: Column[];
  query: { data: T[] | undefined; isPending: boolean; error: Error | null };
  empty: ReactNode;
  rowKey: (row: T) => string | number;
  /** The cells of one row (the <tr> is ours). */
  renderRow: (row: T) => ReactNode;
  children?: ReactNode;
}

/** A captioned table over a query's rows, with loading, error and empty states in place of rows. */
export function QueryTable<T>({ caption, columns, query, empty, rowKey, renderRow, children }: Props<T>) {
  const { data, isPending, error } = query;
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map(([label, numeric, className, short]) => (
              <th key={label} scope="col" className={[numeric ? 'num' : '', className ?? ''].join(' ').trim() || undefined}
                title={short ? label : undefined}>
                {short ? <><span aria-hidden="true">{short}</span><span className="visually-hidden">{label}</span></> : label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <TableStateRow columns={columns.length} isLoading={isPending} error={data ? null : error}
            isEmpty={data?.length === 0} empty={empty} />
          {data?.map((row) => <tr key={rowKey(row)}>{renderRow(row)}</tr>)}
        </tbody>
      </table>
      {children}
    </div>
  );
}
