// One transaction around everything a mutation writes and its write record, so that the two commit or fail together.
// The transaction opens on the mutation's first statement, not before: an ingest extracts its article (seconds of
// CPU on a worker thread) before it touches the database, and PGlite serves nothing else while a transaction is open.
import type { Prisma, PrismaClient } from './generated/prisma/client.js';

/** Marks a client whose statements all run in a mutation's transaction (see isInMutationTransaction). */
const marker = Symbol.for('newsline.mutationTransaction');
const rollbackSignal = Symbol('rollback');

/** How long the whole mutation may hold its transaction, and wait for a connection: storing an article's. */
export const mutationTransactionOptions = { timeout: 120_000, maxWait: 30_000 } as const;

export interface MutationTransaction {
  /**
   * A client to hand the mutation: every statement runs in the one transaction, and its own $transaction calls
   * run their work in it too (a nested transaction becomes part of the outer one).
   */
  client: PrismaClient;
  /** Runs last (the write record) in the transaction, then commits; if last fails, rolls back and throws. */
  commit(last: (tx: Prisma.TransactionClient) => Promise<void>): Promise<void>;
  /** Rolls back whatever the mutation wrote. */
  rollback(): Promise<void>;
}

/** Whether the client is a mutation's (its $transaction joins the mutation's transaction rather than opening one). */
export function isInMutationTransaction(prisma: unknown): boolean {
  return Boolean(prisma && (prisma as Record<symbol, unknown>)[marker]);
}

/**
 * PostgreSQL's serialization failure (40001) and deadlock (40P01), which the driver adapter reports as a transaction
 * write conflict (Prisma's P2034): the transaction was rolled back and may be run again as it was.
 */
export function isRetryableConflict(error: unknown): boolean {
  for (let cause = error as { code?: unknown; cause?: unknown; meta?: unknown; message?: unknown } | undefined, depth = 0; cause && depth < 5; depth += 1) {
    if (cause.code === 'P2034' || cause.code === '40001' || cause.code === '40P01') return true;
    const original = (cause as { originalCode?: unknown }).originalCode ?? (cause.cause as { originalCode?: unknown } | undefined)?.originalCode;
    if (original === '40001' || original === '40P01') return true;
    if (typeof cause.message === 'string' && /TransactionWriteConflict|\b40001\b|\b40P01\b|deadlock detected|could not serialize access/.test(cause.message)) return true;
    cause = cause.cause as typeof cause;
  }
  return false;
}

const rawMethods = new Set(['$queryRaw', '$queryRawUnsafe', '$executeRaw', '$executeRawUnsafe']);

export function openMutationTransaction(prisma: PrismaClient): MutationTransaction {
  let opening: Promise<Prisma.TransactionClient> | null = null;
  let decide: (commit: boolean) => void = () => {};
  let settled: Promise<unknown> = Promise.resolve();
  const open = (): Promise<Prisma.TransactionClient> => {
    opening ??= new Promise<Prisma.TransactionClient>((resolveOpen, rejectOpen) => {
      const decision = new Promise<boolean>((resolve) => (decide = resolve));
      settled = prisma.$transaction(async (tx) => {
        resolveOpen(tx);
        if (!(await decision)) throw rollbackSignal;
      }, mutationTransactionOptions);
      // Could not open (no connection within maxWait): the statement that asked fails with the reason.
      settled.catch(rejectOpen);
    });
    return opening;
  };
  const delegates = new Map<string, unknown>();
  const delegateOf = (model: string, real: object) => {
    let delegate = delegates.get(model);
    if (!delegate) {
      delegate = new Proxy(real, {
        get(target, method) {
          const value = Reflect.get(target, method);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) =>
            open().then((tx) => (tx as unknown as Record<string, Record<string | symbol, (...a: unknown[]) => unknown>>)[model]![method]!(...args));
        },
      });
      delegates.set(model, delegate);
    }
    return delegate;
  };
  const client = new Proxy(prisma, {
    get(target, property) {
      if (property === marker) return true;
      if (property === '$transaction') {
        return async (work: ((tx: Prisma.TransactionClient) => Promise<unknown>) | Promise<unknown>[]) => {
          const tx = await open();
          if (typeof work === 'function') return work(tx);
          const results: unknown[] = [];
          for (const statement of work) results.push(await statement);
          return results;
        };
      }
      if (typeof property === 'string' && rawMethods.has(property)) {
        return (...args: unknown[]) => open().then((tx) => (tx as unknown as Record<string, (...a: unknown[]) => unknown>)[property]!(...args));
      }
      const value = Reflect.get(target, property);
      if (typeof property === 'string' && !property.startsWith('$') && !property.startsWith('_') && value && typeof value === 'object') {
        return delegateOf(property, value as object);
      }
      return value;
    },
  });
  const finish = async (commit: boolean) => {
    decide(commit);
    try {
      await settled;
    } catch (error) {
      if (error !== rollbackSignal) throw error;
    }
  };
  return {
    client,
    async commit(last) {
      let tx: Prisma.TransactionClient;
      try {
        tx = await open();
        await last(tx);
      } catch (error) {
        await finish(false).catch(() => {});
        throw error;
      }
      await finish(true);
    },
    async rollback() {
      if (opening) await finish(false).catch(() => {});
    },
  };
}
