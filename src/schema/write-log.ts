// The record of writes: every mutation that succeeded, with its key, time, input and the nodes it touched.
// Admins read it whole (writeLog); a merge's record shows who made it (EntityMerge.mergedBy, .write).
import { builder } from './builder.js';
import { decodeNodeId } from '../http/global-ids.js';
import { UserInputError } from './errors.js';
import { ApiScope as ApiScopeValues } from '../db/generated/prisma/enums.js';

const ApiScope = builder.enumType(ApiScopeValues, { name: 'ApiScope', description: 'What an API key may do; ADMIN may do everything.' });

export const ApiKey = builder.prismaObject('ApiKey', {
  description: 'An API key, as listings show it: never the key itself, which is stored only as its SHA-256.',
  fields: (t) => ({
    keyId: t.exposeInt('id', { description: 'The id `npm run apikey -- revoke <id>` takes.' }),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the key, to tell keys apart.' }),
    scopes: t.expose('scopes', { type: [ApiScope] }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

export const WriteRecord = builder.prismaObject('WriteLog', {
  name: 'WriteRecord',
  description: 'One write through the API.',
  fields: (t) => ({
    sequence: t.exposeInt('id', { description: 'The order writes were recorded in.' }),
    operation: t.exposeString('operation', { description: 'The mutation, e.g. "mergeEntities".' }),
    input: t.expose('input', {
      type: 'JSON',
      description: 'The mutation\'s arguments, variables resolved; texts over 2,000 characters are kept as their start, length and SHA-256.',
    }),
    nodeIds: t.exposeIDList('nodeIds', { description: 'The nodes the write named or produced.' }),
    at: t.expose('createdAt', { type: 'DateTime' }),
    key: t.relation('apiKey', { description: 'The key that made the write.' }),
    merge: t.relation('merge', { nullable: true, description: 'The merge it made, for mergeEntities.' }),
  }),
});

builder.prismaObjectFields('EntityMerge', (t) => ({
  mergedBy: t.string({
    nullable: true,
    description: 'The name of the API key that made the merge; null for merges made before writes were recorded.',
    select: { write: { select: { apiKey: { select: { name: true } } } } },
    resolve: (merge) => merge.write?.apiKey.name ?? null,
  }),
  write: t.relation('write', {
    nullable: true,
    authScopes: { admin: true },
    // Public merge histories stay readable; only an admin sees the recorded write behind a merge.
    unauthorizedResolver: () => null,
    description: 'The recorded write that made the merge (admins only; null for others).',
  }),
}));

builder.queryFields((t) => ({
  writeLog: t.prismaConnection({
    type: 'WriteLog',
    cursor: 'id',
    authScopes: { admin: true },
    description: 'Every write through the API, newest first (admin scope).',
    args: {
      operation: t.arg.string({ required: false, description: 'Only this mutation, e.g. "mergeEntities".' }),
      node: t.arg.id({ required: false, description: 'Only writes that named or produced this node.' }),
      keyId: t.arg.int({ required: false, description: 'Only writes made with this key.' }),
    },
    totalCount: (_parent, args, context) => context.prisma.writeLog.count({ where: writeLogWhere(args) }),
    resolve: (query, _parent, args, context) =>
      context.prisma.writeLog.findMany({ ...query, where: writeLogWhere(args), orderBy: [{ id: 'desc' }] }),
  }),
}));

function writeLogWhere(args: { operation?: string | null; node?: string | number | null; keyId?: number | null }) {
  if (args.node != null) decodeNodeId(String(args.node));
  if (args.operation != null && !/^[A-Za-z]{1,100}$/.test(args.operation)) {
    throw new UserInputError('operation: the name of a mutation, e.g. "mergeEntities"', 'operation');
  }
  return {
    ...(args.operation != null ? { operation: args.operation } : {}),
    ...(args.node != null ? { nodeIds: { has: String(args.node) } } : {}),
    ...(args.keyId != null ? { apiKeyId: args.keyId } : {}),
  };
}
