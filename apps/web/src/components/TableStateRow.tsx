import type { ReactNode } from 'react';

interface Props {
  columns: number;
  isLoading: boolean;
  error: Error | null;
  isEmpty: boolean;
  empty: ReactNode;
}

/**
 * The single row a table shows instead of data: loading, the error, or why it is empty.
 * Keeping it inside the table keeps the caption and headers in place, so the layout does not jump.
 */
export function TableStateRow({ columns, isLoading, error, isEmpty, empty }: Props) {
  let content: ReactNode = null;
  if (isLoading) content = <span role="status">Loading…</span>;
  else if (error) content = <span className="error-text">Could not load: {error.message}</span>;
  else if (isEmpty) content = empty;
  if (content === null) return null;
  return (
    <tr className="state-row">
      <td colSpan={columns}>{content}</td>
    </tr>
  );
}
