// A Pothos plugin that records every mutation that succeeds: the key, the time, the mutation, its input and
// the nodes it touched, in the mutation's own transaction (src/db/mutation-transaction.ts): a write and its record
// commit together or not at all. It wraps inside the scope-auth plugin, so a refused write runs nothing and records nothing.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { Prisma } from '../db/generated/prisma/client.js';
import { affectedNodeIds, loggedInput } from '../auth/write-record.js';
import type { Context } from './context.js';
import { isInMutationTransaction, isRetryableConflict, openMutationTransaction } from '../db/mutation-transaction.js';

/** Runs of one mutation before a serialization failure or deadlock is reported to the client. */
export const maxAttempts = 3;

export class WriteLogPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.parentType !== 'Mutation') return resolver;
    return async (parent, args, context, info) => {
      const { prisma, apiKey } = context as unknown as Context;
      // The scope checks ran first; a write without a key cannot get here, but never record one as nobody's.
      if (!apiKey) throw new Error(`${info.fieldName} ran without an API key: the write log refuses to record it`);
      // Already inside a mutation's transaction (a client that handed one on): the outer one records.
      if (isInMutationTransaction(prisma)) return resolver(parent, args, context, info);
      for (let attempt = 1; ; attempt += 1) {
        // The mutation and its record in one transaction: both commit, or neither does.
        const transaction = openMutationTransaction(prisma);
        // The resolver sees the transaction's client; the fields of its result resolve afterwards, on the request's own.
        const inTransaction = { ...(context as object), prisma: transaction.client } as typeof context;
        try {
          const result = await resolver(parent, args, inTransaction, info);
          const mergeId = (result as { mergeId?: unknown } | null)?.mergeId;
          await transaction.commit(async (tx) => {
            const write = await tx.writeLog.create({
              data: {
                apiKeyId: apiKey.id,
                operation: info.fieldName,
                input: loggedInput(args) as Prisma.InputJsonValue,
                nodeIds: affectedNodeIds(info, args as Record<string, unknown>, result),
              },
              select: { id: true },
            });
            if (typeof mergeId === 'number') await tx.entityMerge.update({ where: { id: mergeId }, data: { writeId: write.id } });
          });
          return result;
        } catch (error) {
          await transaction.rollback();
          // A serialization failure or deadlock (40001, 40P01) rolled everything back: run the mutation again.
          if (attempt < maxAttempts && isRetryableConflict(error)) {
            await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
            continue;
          }
          throw error;
        }
      }
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
