import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { z } from 'zod';
import type PrismaTypes from '../db/generated/pothos-types.js';
import { getDatamodel } from '../db/generated/pothos-types.js';
import type { Context } from './context.js';
import { accessError, accessScopes, type AccessScopes } from './access-scopes.js';
import WriteLogPlugin from './write-log-plugin.js';
import { NotFoundError, UserInputError } from './errors.js';
import { decodeNodeId, encodeNodeId } from '../http/global-ids.js';

/** The largest page any connection serves; larger requests are refused, not cut. */
export const maxPageSize = 100;

const pageSize = (name: string) =>
  z
    .number()
    .int()
    .min(0, `${name} must be between 0 and ${maxPageSize}`)
    .max(maxPageSize, `${name} must be between 0 and ${maxPageSize}; page with "after"/"before" for more`);

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: Date | string };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  Connection: { totalCount: number | (() => number | Promise<number>) };
  AuthScopes: AccessScopes;
}>({
  defaultFieldNullability: false,
  // Scope checks wrap every other plugin, so a refused field validates, runs and records nothing;
  // the write log wraps innermost, so it records only writes that succeeded.
  plugins: [ScopeAuthPlugin, RelayPlugin, PrismaPlugin, ValidationPlugin, WriteLogPlugin],
  scopeAuth: {
    authScopes: accessScopes,
    unauthorizedError: (_parent, context, info, result) => accessError(context, info, result),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: encodeNodeId,
    decodeGlobalID: decodeNodeId,
    nodeQueryOptions: {
      resolve: async (_root, { id }, _context, _info, resolveNode) => {
        const node = await resolveNode(id);
        if (node == null) throw new NotFoundError(`no ${id.typename} has the ID ${encodeNodeId(id.typename, id.id)}`);
        return node;
      },
    },
    nodesQueryOptions: {
      resolve: async (_root, { ids }, _context, _info, resolveNodes) => {
        const nodes = await resolveNodes(ids);
        return nodes.map((node, index) =>
          node == null ? new NotFoundError(`no ${ids[index]!.typename} has the ID ${encodeNodeId(ids[index]!.typename, ids[index]!.id)}`) : node,
        );
      },
    },
    firstArgOptions: { validate: pageSize('first') },
    lastArgOptions: { validate: pageSize('last') },
  },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    maxConnectionSize: maxPageSize,
    defaultConnectionSize: 20,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'error',
  },
  validation: {
    validationError: (result) => {
      const [first] = result.issues;
      const field = first?.path?.map((segment) => (typeof segment === 'object' ? String(segment.key) : String(segment))).join('.');
      const messages = result.issues.map((issue) => {
        const path = issue.path?.map((segment) => (typeof segment === 'object' ? String(segment.key) : String(segment))).join('.');
        return path && !issue.message.startsWith(path) ? `${path}: ${issue.message}` : issue.message;
      });
      return new UserInputError(messages.join('; '), field);
    },
  },
});

// Reads are public unless NEWSLINE_READS_REQUIRE_KEY is set; every write needs a key, and each mutation names
// its own scope too (a mutation added without one still needs a key).
builder.queryType({ authScopes: { reader: true } });
builder.mutationType({ authScopes: { keyHolder: true } });

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole list holds, across every page.',
    resolve: (parent) => (typeof parent.totalCount === 'function' ? parent.totalCount() : parent.totalCount),
  }),
);
