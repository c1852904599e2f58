// What the server shows of itself to strangers: the schema (introspection), GraphiQL, and, in the persisted-operations
// mode, nothing but the operations its operator vetted. Each is a maintained Yoga plugin; this module only wires them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';

export interface ExposureOptions {
  /** Answer `__schema` and `__type` queries (GraphiQL and code generators need them). Default: on. */
  introspection?: boolean;
  /** Serve GraphiQL at /graphql to browsers. Default: on. */
  graphiql?: boolean;
  /** When given, only these operations run, by the sha256 of their text (the persisted-query extension). */
  persistedOperations?: ReadonlyMap<string, string>;
}

export class PersistedOperationsError extends Error {
  override name = 'PersistedOperationsError';
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads the operations a persisted-operations-only server runs: a JSON array of GraphQL documents, or an object from
 * their sha256 to the document. Each must parse, and a given hash must be the document's, so that a client computing
 * the hash of the text it was shipped with finds it.
 */
export function loadPersistedOperations(path: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PersistedOperationsError(`NEWSLINE_PERSISTED_OPERATIONS: cannot read ${path} as JSON (${(error as Error).message})`);
  }
  const entries: [string | null, unknown][] = Array.isArray(parsed)
    ? parsed.map((document) => [null, document])
    : parsed !== null && typeof parsed === 'object'
      ? Object.entries(parsed)
      : [];
  if (entries.length === 0) throw new PersistedOperationsError(`NEWSLINE_PERSISTED_OPERATIONS: ${path} holds no operations; give an array of GraphQL documents or an object from sha256 to document`);
  const operations = new Map<string, string>();
  for (const [given, document] of entries) {
    if (typeof document !== 'string') throw new PersistedOperationsError(`NEWSLINE_PERSISTED_OPERATIONS: ${path}: every operation must be a GraphQL document as a string`);
    try {
      parse(document);
    } catch (error) {
      throw new PersistedOperationsError(`NEWSLINE_PERSISTED_OPERATIONS: ${path}: an operation does not parse (${(error as Error).message})`);
    }
    const hash = sha256Hex(document);
    if (given !== null && given !== hash) throw new PersistedOperationsError(`NEWSLINE_PERSISTED_OPERATIONS: ${path}: "${given}" is not the sha256 of its document (${hash})`);
    operations.set(hash, document);
  }
  return operations;
}

/** The plugins that enforce the options; none when everything is open (the default). */
export function exposurePlugins(options: ExposureOptions): Plugin[] {
  const plugins: Plugin[] = [];
  if (options.introspection === false) plugins.push(useDisableIntrospection());
  const operations = options.persistedOperations;
  if (operations) {
    plugins.push(
      usePersistedOperations({
        getPersistedOperation: (hash) => operations.get(hash) ?? null,
        allowArbitraryOperations: false,
        customErrors: {
          persistedQueryOnly: {
            message:
              'this server runs only its persisted operations: send extensions.persistedQuery { version: 1, sha256Hash } of one of them instead of a query text',
            extensions: { code: 'PERSISTED_OPERATIONS_ONLY' },
          },
          notFound: { message: 'no persisted operation has this sha256Hash', extensions: { code: 'PERSISTED_OPERATION_NOT_FOUND' } },
          keyNotFound: {
            message: 'send extensions.persistedQuery { version: 1, sha256Hash } naming a persisted operation',
            extensions: { code: 'PERSISTED_OPERATIONS_ONLY' },
          },
        },
      }),
    );
  }
  return plugins;
}
