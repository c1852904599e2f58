// The GitHub-style node budget: how many nodes a query may ask for, before any of it runs.
// A connection asks for its first/last (its default page when neither is given) times the first/last of every
// connection around it; lists with a `limit` or `ids` argument count the same way. events(first: 10) { places(first: 5) }
// asks for 10 + 10 × 5 = 60 nodes. Variables are known by now, so `first: $n` counts as its value.
import {
  GraphQLError,
  Kind,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Page size of a connection asked for without first/last: the largest default any connection of the schema serves. */
export const defaultConnectionCount = 20;

export interface NodeBudgetLimits {
  /** The most nodes one query may ask for. */
  nodeBudget: number;
  /** The longest list any argument may hold (nodes(ids:), filter lists, …). */
  maxListLength: number;
}

export interface NodeCount {
  nodes: number;
  /** The field that asks for the most nodes with everything around it, e.g. "events.edges.node.mentions". */
  largest: { path: string; nodes: number } | null;
}

export class LimitError extends GraphQLError {
  constructor(message: string, code: string, limit: number, value: number | string) {
    // No HTTP status of its own: Yoga answers as for any request error (200 for application/json, 400 for graphql-response+json).
    super(message, { extensions: { code, limit, value } });
  }
}

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
}

function fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

function checkListLengths(value: unknown, path: string, maxListLength: number): void {
  if (Array.isArray(value)) {
    if (value.length > maxListLength) {
      throw new LimitError(
        `${path}: lists are limited to ${maxListLength} items, got ${value.length}; send the rest in further requests`,
        'LIST_TOO_LONG',
        maxListLength,
        value.length,
      );
    }
    value.forEach((item) => checkListLengths(item, path, maxListLength));
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) checkListLengths(item, `${path}.${key}`, maxListLength);
  }
}

/** How many items a field asks for each time it is resolved, or null when it is not a sized list. */
function requestedCount(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | null {
  const named = getNamedType(field.type);
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : null);
  if (isConnection(named)) {
    const first = number(args.first);
    const last = number(args.last);
    return first == null && last == null ? defaultConnectionCount : Math.max(first ?? 0, last ?? 0);
  }
  if (isListType(getNullableType(field.type)) && isCompositeType(named)) {
    if (Array.isArray(args.ids)) return args.ids.length;
    const limit = number(args.limit);
    if (limit != null) return limit;
  }
  return null;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  limits: NodeBudgetLimits;
  /** Nodes a fragment asks for when spread once, inside no connection (costs are linear in the multiplier). */
  fragmentCosts: Map<string, NodeCount>;
}

function countSelection(walk: Walk, selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, path: string): NodeCount {
  let nodes = 0;
  let largest: NodeCount['largest'] = null;
  const add = (count: NodeCount, multiplier = 1) => {
    nodes += count.nodes * multiplier;
    if (count.largest && (!largest || count.largest.nodes * multiplier > largest.nodes)) {
      largest = { path: count.largest.path, nodes: count.largest.nodes * multiplier };
    }
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      add(countField(walk, selection, parentType, path));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parentType;
      if (type && isCompositeType(type)) add(countSelection(walk, selection.selectionSet, type, path));
    } else {
      const name = selection.name.value;
      let cost = walk.fragmentCosts.get(name);
      if (!cost) {
        const fragment = walk.fragments.get(name);
        const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
        cost = fragment && type && isCompositeType(type) ? countSelection(walk, fragment.selectionSet, type, '') : { nodes: 0, largest: null };
        walk.fragmentCosts.set(name, cost);
      }
      add({ nodes: cost.nodes, largest: cost.largest && { path: `${path}${path ? '.' : ''}…${name}.${cost.largest.path}`, nodes: cost.largest.nodes } });
    }
  }
  return { nodes, largest };
}

function countField(walk: Walk, node: FieldNode, parentType: GraphQLCompositeType, parentPath: string): NodeCount {
  const field = fieldOf(parentType, node.name.value);
  if (!field || node.name.value.startsWith('__')) return { nodes: 0, largest: null };
  const path = parentPath ? `${parentPath}.${node.name.value}` : node.name.value;
  let args: Record<string, unknown> = {};
  try {
    args = getArgumentValues(field, node, walk.variables);
  } catch {
    // A bad argument value is the executor's to report, with its own message; it counts as absent here.
  }
  checkListLengths(args, path, walk.limits.maxListLength);
  const count = requestedCount(field, args);
  const named = getNamedType(field.type);
  const inner = node.selectionSet && isCompositeType(named) ? countSelection(walk, node.selectionSet, named, '') : { nodes: 0, largest: null };
  if (count == null) {
    return { nodes: inner.nodes, largest: inner.largest && { path: `${path}.${inner.largest.path}`, nodes: inner.largest.nodes } };
  }
  const own = { path, nodes: count };
  const deepest = inner.largest && { path: `${path}.${inner.largest.path}`, nodes: inner.largest.nodes * count };
  return { nodes: count + inner.nodes * count, largest: deepest && deepest.nodes > own.nodes ? deepest : own };
}

/** Counts the nodes the operation asks for; throws a LimitError for a list argument above the list limit. */
export function countRequestedNodes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
  limits: NodeBudgetLimits,
): NodeCount {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
  if (!operation) return { nodes: 0, largest: null };
  const rootType =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!rootType) return { nodes: 0, largest: null };
  const walk: Walk = { schema, fragments, variables: variables ?? {}, limits, fragmentCosts: new Map() };
  return countSelection(walk, operation.selectionSet, rootType, '');
}

/** The node budget check: a LimitError that says the count, the limit, how it is counted and how to fit. */
export function checkNodeBudget(count: NodeCount, limits: NodeBudgetLimits): void {
  if (count.nodes <= limits.nodeBudget) return;
  const format = (value: number) => (Number.isFinite(value) && value < 1e15 ? Math.round(value).toLocaleString('en-US') : 'more than 10^15');
  const largest = count.largest ? ` The largest part is ${count.largest.path}, ${format(count.largest.nodes)} nodes.` : '';
  throw new LimitError(
    `This query asks for up to ${format(count.nodes)} nodes; the limit is ${format(limits.nodeBudget)}. ` +
      `Each connection counts its first/last (${defaultConnectionCount} when neither is given) times the first/last of every connection around it: ` +
      `events(first: 100) { edges { node { places(first: 100) { … } } } } asks for 100 + 100 × 100 = 10,100.${largest} Ask for smaller pages and page on with "after".`,
    'NODE_BUDGET_EXCEEDED',
    limits.nodeBudget,
    Number.isFinite(count.nodes) ? count.nodes : Number.MAX_SAFE_INTEGER,
  );
}
