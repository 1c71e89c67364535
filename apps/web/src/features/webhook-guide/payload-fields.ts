import { SECRET_FIELDS, WebhookPayload } from '@tradehook/contracts';

/** The subset of JSON Schema the guide reads (TypeBox schemas are plain JSON Schema objects at runtime). */
interface JsonSchema {
  type?: string;
  anyOf?: JsonSchema[];
  description?: string;
  examples?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

interface ObjectSchema {
  properties: Record<string, JsonSchema>;
  required?: string[];
}

export interface PayloadFieldRow {
  name: string;
  type: string;
  required: boolean;
  secret: boolean;
  description: string;
  example: string | null;
  constraints: string[];
}

function typeLabel(schema: JsonSchema): string {
  const types = schema.anyOf ? schema.anyOf.map((s) => s.type) : [schema.type];
  if (types.includes('number') && types.includes('string')) return 'number (quoted is fine)';
  if (types.includes('number')) return 'number';
  return 'text';
}

function constraintsOf(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (schema.minLength === 1) out.push('not empty');
  if (schema.maxLength !== undefined) out.push(`at most ${schema.maxLength} characters`);
  if (schema.pattern === '^\\S+$') out.push('no spaces');
  return out;
}

/** One row per payload field, derived from the contract so the guide can never drift from the validator. */
export function payloadFieldRows(schema: ObjectSchema = WebhookPayload as unknown as ObjectSchema): PayloadFieldRow[] {
  const required = new Set(schema.required ?? []);
  const secrets = new Set<string>(SECRET_FIELDS);
  return Object.entries(schema.properties).map(([name, field]) => ({
    name,
    type: typeLabel(field),
    required: required.has(name),
    secret: secrets.has(name),
    description: field.description ?? '',
    example: field.examples?.length ? String(field.examples[0]) : null,
    constraints: constraintsOf(field),
  }));
}
