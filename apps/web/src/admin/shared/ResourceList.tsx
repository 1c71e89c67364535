import { DataTable, List, TextInput, type DataTableProps, type ListProps } from 'react-admin';

/** Free-text search (`q`): every list of the API accepts it. */
export const searchFilter = <TextInput key="q" source="q" label="Search" alwaysOn />;

/** A list page as the API pages it: 25 rows (range [0,24]), free-text search first. */
export function ResourceList({ filters = [], ...props }: ListProps) {
  return <List perPage={25} filters={[searchFilter, ...[filters].flat()]} {...props} />;
}

/**
 * The console's table: a row opens the record, and there are no bulk actions (each write is deliberate and
 * audited one by one). Columns the API cannot sort by say so with `disableSort`.
 */
export function ResourceTable(props: DataTableProps) {
  return <DataTable bulkActionButtons={false} rowClick="show" {...props} />;
}
