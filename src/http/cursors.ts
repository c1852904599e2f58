// Cursors are opaque to clients but not to forgers: a Pothos cursor (base64 of "GPC:" and a tagged value) can be
// made to hold an ID above what an integer column holds, a value that is no number at all, or a NUL, which Prisma or
// PostgreSQL would then fail on. Every after/before argument is decoded and checked before anything runs; a cursor that does
// not decode at all is left to the connection, which refuses it with its own message.
import { decodeCursorChunk } from '@pothos/core';
import { GraphQLError, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { maxStoredId } from './global-ids.js';
import { textProblem } from './input-text.js';

const earliestInstant = Date.UTC(1, 0, 1);
const latestInstant = Date.UTC(9999, 11, 31);

function valueProblem(value: unknown): string | null {
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) <= maxStoredId ? null : `holds the number ${value}, which no row has`;
  if (typeof value === 'bigint') return value >= -(2n ** 63n) && value < 2n ** 63n ? null : 'holds a number beyond 64 bits';
  if (typeof value === 'string') return textProblem(value);
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) || time < earliestInstant || time > latestInstant ? 'holds an impossible date' : null;
  }
  if (Array.isArray(value)) return value.map(valueProblem).find((problem) => problem) ?? null;
  if (value && typeof value === 'object') return Object.values(value).map(valueProblem).find((problem) => problem) ?? null;
  return null;
}

function cursorValueKind(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'a date';
  if (value instanceof Uint8Array) return 'bytes';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a JSON object' : `a ${typeof value}`;
}

/** Why a cursor cannot be one this API issued, or null when it may be (or is not a Pothos cursor at all). */
export function forgedCursorProblem(cursor: string): string | null {
  const text = textProblem(cursor);
  if (text) return text;
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  if (!decoded.startsWith('GPC:')) return null;
  let value: unknown;
  try {
    value = decodeCursorChunk(decoded.slice(4));
  } catch {
    return null;
  }
  // Every Pothos cursor this API issues is a row ID ("GPC:N:42": the connections page on cursor: 'id'). Any other
  // tag (a string, a date, a bigint, JSON, null, a tuple) reached Prisma as the Int id and failed there, as a 500.
  if (typeof value !== 'number') return `holds ${cursorValueKind(value)} where a row ID belongs`;
  return valueProblem(value);
}

export function cursorPlugin(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let refused: GraphQLError | null = null;
      visit(args.document, {
        Argument(node) {
          if (refused || (node.name.value !== 'after' && node.name.value !== 'before')) return;
          const value =
            node.value.kind === Kind.STRING ? node.value.value : node.value.kind === Kind.VARIABLE ? args.variableValues?.[node.value.name.value] : undefined;
          if (typeof value !== 'string') return;
          const problem = forgedCursorProblem(value);
          if (problem) {
            refused = new GraphQLError(`${node.name.value}: "${value.slice(0, 100)}" is not a cursor of this list (it ${problem}); use a cursor this list returned`, {
              nodes: [node],
              extensions: { code: 'BAD_USER_INPUT', field: node.name.value },
            });
          }
        },
      });
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
  };
}
