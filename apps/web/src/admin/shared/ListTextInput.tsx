import { useState, type ReactNode } from 'react';
import { Button, FieldTitle, InputHelperText, ResettableTextField, useInput, type Validator } from 'react-admin';

/** "aapl, MSFT ,," → ["aapl", "MSFT"]: the list the API stores. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,\s]+/)
    .map((item) => item.trim())
    .filter(Boolean);

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

interface Props {
  source: string;
  label: string;
  helperText?: ReactNode;
  validate?: Validator | Validator[];
  /** A button that fills the list, e.g. TradingView's webhook addresses. */
  preset?: { label: string; values: readonly string[] };
}

/**
 * An array of strings edited as one comma-separated line. The text stays as typed ("AAPL, " keeps its comma)
 * while the form holds the parsed list; when the list changes from outside (the preset, a reset) the text follows.
 */
export function ListTextInput({ source, label, helperText = 'Separate with commas', validate, preset }: Props) {
  const { field, fieldState, id, isRequired } = useInput({ source, validate, format: (v) => v, parse: (v) => v });
  const list = asList(field.value);
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed !== null && sameList(splitList(typed), list) ? typed : list.join(', ');

  const change = (next: string) => {
    setTyped(next);
    field.onChange(splitList(next));
  };

  return (
    <>
      <ResettableTextField
        id={id}
        name={field.name}
        value={text}
        onChange={(event: { target: { value: string } }) => change(event.target.value)}
        onBlur={field.onBlur}
        label={<FieldTitle label={label} source={source} isRequired={isRequired} />}
        error={fieldState.invalid}
        helperText={<InputHelperText error={fieldState.error?.message} helperText={helperText} />}
        className="ra-input"
      />
      {preset ? (
        <Button label={preset.label} onClick={() => change(preset.values.join(', '))} sx={{ alignSelf: 'flex-start', mb: 2 }} />
      ) : null}
    </>
  );
}
