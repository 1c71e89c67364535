import { Type } from '@sinclair/typebox';
import { ErrorResponse, IdParams, type CurrentUser } from '@tradehook/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import type { AuditLog } from '../../admin/audit-log';
import { ListQueryError, planList, type ListRequest } from '../../admin/list-query';
import type { ResourceDefinition } from '../../admin/resource';
import { currentUser } from '../../plugins/access';

const ListQuery = Type.Object({
  sort: Type.Optional(Type.String({ description: 'JSON ["field","ASC"|"DESC"]' })),
  range: Type.Optional(Type.String({ description: 'JSON [start, end], inclusive' })),
  filter: Type.Optional(Type.String({ description: 'JSON object; an array value means any of these; q searches' })),
});

/** Serves each resource in ra-data-simple-rest's format; one definition per resource, one implementation for all. */
export async function adminResourceRoutes(app: FastifyInstance,
  opts: { db: DataSource; audit: AuditLog; resources: ResourceDefinition[] }): Promise<void> {
  for (const def of opts.resources) registerResource(app, opts.db, opts.audit, def);
}

function registerResource(app: FastifyInstance, db: DataSource, audit: AuditLog, def: ResourceDefinition): void {
  const base = `/api/admin/${def.name}`;
  const tags = ['admin'];
  const notFound = (reply: FastifyReply, id: number) =>
    reply.code(404).send({ error: 'not_found', message: `${def.name} ${id} does not exist` });
  const fetchOne = async (id: number) => def.fetch ? def.fetch(id)
    : (await db.query(`SELECT ${def.select} FROM ${def.from} WHERE ${def.fields.id} = $1`, [id]))[0] ?? null;
  const shown = (row: unknown, user: CurrentUser | null) => (def.present ? def.present(row, user) : row);
  // Reading is for any signed-in user unless the resource is admin-only (users, audit log); writing is for admins.
  const read = { access: def.adminOnly ? 'admin' : 'signed-in' } as const;
  const write = { access: 'admin' } as const;

  app.get<{ Querystring: ListRequest }>(base, {
    config: read,
    schema: { tags, summary: `List ${def.name}`, querystring: ListQuery,
      response: { 200: Type.Array(def.record), 400: ErrorResponse } },
  }, async (req, reply) => {
    let plan;
    try {
      plan = planList(req.query, def.fields, def.searchable, def.defaultSort);
    } catch (error) {
      if (error instanceof ListQueryError) return reply.code(400).send({ error: 'invalid_request', message: error.message });
      throw error;
    }
    const n = plan.params.length;
    const [rows, [{ total }]] = await Promise.all([
      db.query(`SELECT ${def.select} FROM ${def.from} WHERE ${plan.where} ORDER BY ${plan.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...plan.params, plan.limit, plan.offset]),
      db.query(`SELECT count(*)::int AS total FROM ${def.from} WHERE ${plan.where}`, plan.params),
    ]);
    const last = rows.length ? plan.offset + rows.length - 1 : plan.offset;
    reply.header('Content-Range', `${def.name} ${plan.offset}-${last}/${total}`);
    const records: unknown[] = def.fetch ? await Promise.all(rows.map((r: { id: number }) => def.fetch!(r.id))) : rows;
    return records.map((r) => shown(r, req.user));
  });

  app.get<{ Params: IdParams }>(`${base}/:id`, {
    config: read,
    schema: { tags, summary: `One of ${def.name}`, params: IdParams, response: { 200: def.record, 404: ErrorResponse } },
  }, async (req, reply) => {
    const record = await fetchOne(req.params.id);
    return record ? shown(record, req.user) : notFound(reply, req.params.id);
  });

  if (def.create && def.input) {
    app.post<{ Body: unknown }>(base, {
      config: write,
      schema: { tags, summary: `Create ${def.name}`, body: def.input, response: { 400: ErrorResponse, 409: ErrorResponse } },
    }, async (req, reply) => {
      const user = currentUser(req);
      const { id, extra } = await def.create!(req.body, { user });
      await audit.record(user, 'create', def.name, id, req.body as Record<string, unknown>);
      return reply.code(201).send({ ...(await fetchOne(id)), ...extra });
    });
  }
  if (def.update && def.input) {
    app.put<{ Params: IdParams; Body: unknown }>(`${base}/:id`, {
      config: write,
      schema: { tags, summary: `Change ${def.name}`, params: IdParams, body: Type.Partial(def.input as never),
        response: { 404: ErrorResponse } },
    }, async (req, reply) => {
      const user = currentUser(req);
      if (!(await fetchOne(req.params.id))) return notFound(reply, req.params.id);
      const result = await def.update!(req.params.id, req.body, { user });
      await audit.record(user, 'update', def.name, req.params.id, req.body as Record<string, unknown>);
      return { ...(await fetchOne(req.params.id)), ...(result?.extra ?? {}) };
    });
  }
  if (def.remove) {
    app.delete<{ Params: IdParams }>(`${base}/:id`, {
      config: write,
      schema: { tags, summary: `Delete ${def.name}`, params: IdParams, response: { 200: def.record, 404: ErrorResponse,
        409: { ...ErrorResponse, description: 'This record must be kept: an alert that led to an order, your own user' } } },
    }, async (req, reply) => {
      const user = currentUser(req);
      const record = await fetchOne(req.params.id);
      if (!record) return notFound(reply, req.params.id);
      await def.remove!(req.params.id, { user });
      await audit.record(user, 'delete', def.name, req.params.id);
      return shown(record, user);
    });
  }
}
