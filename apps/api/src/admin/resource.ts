import type { TSchema } from '@sinclair/typebox';
import type { CurrentUser } from '@tradehook/contracts';

export interface ResourceContext {
  user: CurrentUser;
}

/** What it takes to serve one react-admin resource over /api/admin/<name>. */
export interface ResourceDefinition {
  name: string;
  /** The FROM clause (may join). */
  from: string;
  /** The SELECT list, producing the API's field names as aliases. */
  select: string;
  /** API field → SQL expression, for filters and sorting (must include id). */
  fields: Record<string, string>;
  searchable: string[];
  defaultSort: [string, 'ASC' | 'DESC'];
  record: TSchema;
  input?: TSchema;
  create?: (input: any, ctx: ResourceContext) => Promise<{ id: number; extra?: Record<string, unknown> }>;
  update?: (id: number, input: any, ctx: ResourceContext) => Promise<{ extra?: Record<string, unknown> } | void>;
  remove?: (id: number, ctx: ResourceContext) => Promise<void>;
  /** Reads one record another way than the SELECT (settings: the effective values). */
  fetch?: (id: number) => Promise<unknown | null>;
  /** What a reader may see of a row read (alerts: the raw body for admins only). */
  present?: (row: any, user: CurrentUser | null) => unknown;
  /** Only admins may read this resource (users). */
  adminOnly?: boolean;
}
