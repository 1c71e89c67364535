import { DateField, FunctionField, TextField, type DateFieldProps, type TextFieldProps } from 'react-admin';

/** A UTC timestamp from the API, shown in the browser's time zone with seconds. */
export function TimestampField(props: DateFieldProps) {
  return <DateField showTime options={{ dateStyle: 'medium', timeStyle: 'medium' }} {...props} />;
}

/** A decimal the API sends as a string: shown exactly as sent (no float rounding, trailing zeros kept). */
export function DecimalField(props: TextFieldProps) {
  return <TextField sx={{ fontVariantNumeric: 'tabular-nums' }} emptyText="—" {...props} />;
}

const pretty = (value: unknown): string => {
  if (typeof value !== 'string') return JSON.stringify(value, null, 2);
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value; // not JSON (e.g. a text/plain alert body): as received
  }
};

/** A JSON value or JSON text, indented (text that is not JSON as it is); '—' for none. */
export function JsonBlock({ value }: { value: unknown }) {
  if (value == null) return '—';
  return <pre style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{pretty(value)}</pre>;
}

/** A JSON value or JSON text (an audit entry's details), indented. */
export function JsonField({ source, label }: { source: string; label?: string }) {
  return <FunctionField source={source} label={label} render={(record) => <JsonBlock value={record[source]} />} />;
}
