import { regex, TextInput, type TextInputProps, type Validator } from 'react-admin';

const DECIMAL = /^\d+(\.\d+)?$/;

/** The caller's validators after the input's own. */
const withOwn = (own: Validator, extra: TextInputProps['validate']): Validator[] => [own, ...(extra ? [extra].flat() : [])];

/** A quantity or amount kept as the exact decimal text the API expects; empty means "no limit" (null). */
export function DecimalInput({ validate, ...props }: TextInputProps) {
  return (
    <TextInput
      validate={withOwn(regex(DECIMAL, 'A number such as 2 or 0.5'), validate)}
      slotProps={{ htmlInput: { inputMode: 'decimal' } }}
      {...props}
    />
  );
}

/** HH:MM as the browser's time picker gives it; empty means "no bound" (null). */
export function TimeOfDayInput(props: TextInputProps) {
  return <TextInput type="time" slotProps={{ inputLabel: { shrink: true } }} {...props} />;
}

const validTimeZone: Validator = (value: unknown) => {
  if (value == null || value === '') return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: String(value) });
    return undefined;
  } catch {
    return 'Not an IANA time zone (e.g. America/New_York, Europe/London)';
  }
};

/** An IANA time zone name, checked against the browser's own time zone database. */
export function TimeZoneInput({ validate, ...props }: TextInputProps) {
  return (
    <TextInput validate={withOwn(validTimeZone, validate)} helperText="IANA name, e.g. America/New_York" {...props} />
  );
}
