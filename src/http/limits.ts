// What one GraphQL request may cost, checked before any SQL runs: tokens (parse), depth, aliases and directives
// (validation, by graphql-armor's rules), then the node budget and list lengths (once the variables are known),
// and a deadline on the execution itself. Body size is Yoga's own option, and Yoga refuses batches (see server.ts).
import type { Plugin } from 'graphql-yoga';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useOnResolve } from '@envelop/on-resolve';
import { Kind, type DefinitionNode, type ExecutionResult, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import { LimitError, checkNodeBudget, countRequestedNodes } from './node-budget.js';

export interface QueryLimits {
  /** Lexical tokens in the query text (names, punctuation, values). */
  maxTokens: number;
  /** Nested selections; a connection hop (field → edges → node) is three. */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** GitHub-style: connections multiply by their first/last; see node-budget.ts. */
  nodeBudget: number;
  /** Items in any list argument, e.g. nodes(ids:). */
  maxListLength: number;
  /** A request still executing after this long gets a REQUEST_TIMEOUT error instead of its data. */
  requestTimeoutMs: number;
  /** Largest request body, in bytes (Yoga answers 413 above it). */
  maxBodyBytes: number;
}

export const defaultQueryLimits: QueryLimits = {
  maxTokens: 2000,
  maxDepth: 15,
  maxAliases: 15,
  maxDirectives: 20,
  nodeBudget: 50_000,
  maxListLength: 100,
  requestTimeoutMs: 10_000,
  maxBodyBytes: 1_000_000,
};

/**
 * How deep the JSON of the variables (and extensions) may nest. No input type of the schema nests more than a few
 * levels, and the checks that walk the values (input-text.ts, node-budget.ts) recurse: a body of "[[[[…" a million
 * levels deep would overflow their stack. Measured without recursion, before anything else reads the values.
 */
export const maxVariableDepth = 32;

/** How deep the value nests, counting until `limit` is passed (then `limit + 1`), without recursion. */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (!item || typeof item !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function variableDepthPlugin(): Plugin {
  return {
    onParams({ params }) {
      for (const name of ['variables', 'extensions'] as const) {
        const depth = jsonDepth(params[name], maxVariableDepth);
        if (depth > maxVariableDepth) {
          throw new LimitError(
            `The ${name} nest deeper than the limit of ${maxVariableDepth} levels; no argument of this API nests so deep`,
            'INPUT_TOO_DEEP',
            maxVariableDepth,
            depth,
          );
        }
      }
    },
  };
}

/** Gives graphql-armor's rejection a code and the limit it names, so clients can tell limits apart. */
function coded(code: string, limit: number) {
  return {
    n: limit,
    exposeLimits: true,
    onReject: [
      (_context: unknown, error: GraphQLError) => {
        const extensions = error.extensions as Record<string, unknown>;
        extensions.code = code;
        extensions.limit = limit;
        const found = /found (\d+)/.exec(error.message);
        if (found) extensions.value = Number(found[1]);
      },
    ],
  };
}

function nodeBudgetPlugin(limits: QueryLimits): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      try {
        const count = countRequestedNodes(args.schema, args.document, args.variableValues, args.operationName, limits);
        checkNodeBudget(count, limits);
      } catch (error) {
        if (!(error instanceof LimitError)) throw error;
        setResultAndStopExecution({ errors: [error] });
      }
    },
  };
}

export class RequestTimeoutError extends LimitError {
  constructor(limitMs: number, elapsedMs = limitMs) {
    super(
      `The request ran longer than the limit of ${limitMs} ms (${elapsedMs} ms) and was stopped; ask for fewer or smaller pages`,
      'REQUEST_TIMEOUT',
      limitMs,
      elapsedMs,
    );
    (this.extensions as Record<string, unknown>).http = { status: 503 };
  }
}

const deadlineKey = Symbol('newsline.deadline');
type WithDeadline = { [deadlineKey]?: { at: number; limitMs: number } };

/**
 * Stops a query at the deadline: every resolver that would start after it fails with REQUEST_TIMEOUT instead,
 * so the rest of the query runs no SQL, and the client gets one REQUEST_TIMEOUT error. Checked at each resolver,
 * not by a timer alone: PGlite's queries resolve as microtasks, so no timer fires until the whole execution is over.
 * (Aborting the executor's signal instead would abandon promises still running, whose later failure would be unhandled.)
 */
function deadlinePlugins(limitMs: number): Plugin[] {
  const onResolve = useOnResolve<WithDeadline>(({ context, info, replaceResolver }) => {
    const deadline = context[deadlineKey];
    if (deadline && Date.now() > deadline.at && info.operation.operation !== 'mutation') {
      const elapsed = Date.now() - (deadline.at - limitMs);
      replaceResolver(() => {
        throw new RequestTimeoutError(limitMs, elapsed);
      });
    }
  }) as Plugin;
  const execution: Plugin = {
    onExecute({ args, executeFn, setExecuteFn }) {
      (args.contextValue as WithDeadline)[deadlineKey] = { at: Date.now() + limitMs, limitMs };
      // A mutation is not cut short or reported failed once it may have written: its work is bounded by its input
      // (an article is at most 100,000 characters), and on PostgreSQL statement_timeout bounds each of its statements.
      const operation = args.document.definitions.find(
        (definition: DefinitionNode): definition is OperationDefinitionNode =>
          definition.kind === Kind.OPERATION_DEFINITION && (!args.operationName || definition.name?.value === args.operationName),
      );
      if (operation?.operation === 'mutation') return;
      setExecuteFn(async (executeArgs) => {
        let timer: NodeJS.Timeout | undefined;
        // On PostgreSQL the wait is for the network, so a timer does fire; statement_timeout stops the SQL itself.
        const deadline = new Promise<ExecutionResult>((resolve) => {
          timer = setTimeout(() => resolve({ errors: [new RequestTimeoutError(limitMs, limitMs + 50)] }), limitMs + 50);
        });
        try {
          const result = (await Promise.race([executeFn(executeArgs), deadline])) as ExecutionResult;
          const timedOut = result.errors?.find((error) => error.extensions?.code === 'REQUEST_TIMEOUT');
          return timedOut ? { errors: [timedOut] } : result;
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
  return [onResolve, execution];
}

/** The plugins that enforce the limits, in the order the request meets them. */
export function queryLimitPlugins(limits: QueryLimits): Plugin[] {
  return [
    variableDepthPlugin(),
    maxTokensPlugin(coded('TOO_MANY_TOKENS', limits.maxTokens)) as Plugin,
    maxDepthPlugin({ ...coded('QUERY_TOO_DEEP', limits.maxDepth), ignoreIntrospection: true, flattenFragments: true }) as Plugin,
    maxAliasesPlugin(coded('TOO_MANY_ALIASES', limits.maxAliases)) as Plugin,
    maxDirectivesPlugin(coded('TOO_MANY_DIRECTIVES', limits.maxDirectives)) as Plugin,
    nodeBudgetPlugin(limits),
    ...deadlinePlugins(limits.requestTimeoutMs),
  ];
}
