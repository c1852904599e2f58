// What the write log keeps of one mutation: its input (long texts shortened to a digest) and the global IDs of
// the nodes it named or produced. Pure: the schema plugin that records writes calls these.
import { createHash } from 'node:crypto';
import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from 'graphql';
import { encodeNodeId } from '../http/global-ids.js';

/** Texts longer than this (an ingested article) are kept as their start, length and SHA-256, not in full. */
export const longestLoggedText = 2000;

export function loggedInput(value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.length <= longestLoggedText) return value;
    const digest = createHash('sha256').update(value, 'utf8').digest('hex');
    return `${value.slice(0, 200)}… (${value.length} characters in all, sha256 ${digest})`;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(loggedInput);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined).map(([key, entry]) => [key, loggedInput(entry)]));
  }
  return value ?? null;
}

function idsIn(type: GraphQLInputType, value: unknown, into: string[]): void {
  if (value == null) return;
  if (isNonNullType(type)) return idsIn(type.ofType, value, into);
  if (isListType(type)) {
    for (const item of Array.isArray(value) ? value : [value]) idsIn(type.ofType, item, into);
    return;
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) idsIn(field.type, (value as Record<string, unknown>)[field.name], into);
    return;
  }
  if (getNamedType(type).name === 'ID') into.push(String(value));
}

/**
 * The nodes a mutation touched: every ID its arguments name, and the node it returns (a stored row of a Node
 * type, or a result that carries the ID of one: a merge's survivor, an ingest's article).
 */
export function affectedNodeIds(info: GraphQLResolveInfo, args: Record<string, unknown>, result: unknown): string[] {
  const ids: string[] = [];
  const field = info.parentType.getFields()[info.fieldName];
  for (const arg of field?.args ?? []) idsIn(arg.type, args[arg.name], ids);
  const returned = getNamedType(info.returnType);
  const row = result as Record<string, unknown> | null | undefined;
  if (row && isObjectType(returned)) {
    const isNode = returned.getInterfaces().some((face) => face.name === 'Node');
    if (isNode && (typeof row.id === 'number' || typeof row.id === 'string')) ids.push(encodeNodeId(returned.name, row.id));
    if (typeof row.survivorId === 'string') ids.push(row.survivorId);
    if (typeof row.articleId === 'number') ids.push(encodeNodeId('Article', row.articleId));
  }
  return [...new Set(ids)];
}
