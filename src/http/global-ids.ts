// Global IDs (Relay's opaque node IDs), below both the GraphQL schema and the export routes that print and read them.
import { UserInputError } from './input-errors.js';

/** Rows are keyed by PostgreSQL integers (int4): a larger number names nothing and must not reach the database. */
export const maxStoredId = 2_147_483_647;

// Global IDs are base64 of "Type:id" (Relay's convention), so clients treat them as opaque.
export function encodeNodeId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

export function decodeNodeId(globalId: string): { typename: string; id: string } {
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(globalId) ? Buffer.from(globalId, 'base64').toString('utf8') : '';
  const match = /^([A-Z][A-Za-z]*):(\d{1,15})$/.exec(decoded);
  if (match && Number(match[2]) > maxStoredId) {
    throw new UserInputError(`"${globalId}" names ${match[1]} ${match[2]}, above the largest ID the database can hold (${maxStoredId}): it names nothing`, 'id');
  }
  if (!match) {
    throw new UserInputError(
      `"${globalId}" is not a Newsline ID: IDs are the opaque "id" values the API returns (base64 of "Type:number")`,
      'id',
    );
  }
  return { typename: match[1]!, id: match[2]! };
}

/** Decodes a global ID that must name one of the expected types; the message says what was expected. */
export function decodeNodeIdOf(globalId: string, expected: readonly string[], field = 'id'): { typename: string; id: number } {
  const { typename, id } = decodeNodeId(globalId);
  if (!expected.includes(typename)) {
    throw new UserInputError(`${field}: expected the ID of a ${expected.join(' or ')}, got the ID of a ${typename}`, field);
  }
  return { typename, id: Number(id) };
}
