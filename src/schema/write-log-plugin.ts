// A Pothos plugin that records every mutation that succeeds: the key, the time, the mutation, its input and
// the nodes it touched. It wraps inside the scope-auth plugin, so a refused write runs nothing and records nothing.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { Prisma } from '../db/generated/prisma/client.js';
import { affectedNodeIds, loggedInput } from '../auth/write-record.js';
import type { Context } from './context.js';

export class WriteLogPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.parentType !== 'Mutation') return resolver;
    return async (parent, args, context, info) => {
      const result = await resolver(parent, args, context, info);
      const { prisma, apiKey } = context as unknown as Context;
      // The scope checks ran first; a write without a key cannot get here, but never record one as nobody's.
      if (!apiKey) throw new Error(`${info.fieldName} ran without an API key: the write log refuses to record it`);
      const mergeId = (result as { mergeId?: unknown } | null)?.mergeId;
      const write = await prisma.writeLog.create({
        data: {
          apiKeyId: apiKey.id,
          operation: info.fieldName,
          input: loggedInput(args) as Prisma.InputJsonValue,
          nodeIds: affectedNodeIds(info, args as Record<string, unknown>, result),
        },
        select: { id: true },
      });
      if (typeof mergeId === 'number') await prisma.entityMerge.update({ where: { id: mergeId }, data: { writeId: write.id } });
      return result;
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      newslineWriteLog: WriteLogPlugin<Types>;
    }
  }
}

const pluginName = 'newslineWriteLog';
SchemaBuilder.registerPlugin(pluginName, WriteLogPlugin);

/** The name to list in the builder's plugins. */
export default pluginName;
