// Operations for the fuzz suites, built from the schema itself: a walk of the GraphQL types picks root fields,
// arguments of the right (or, when hostile, the wrong) type, and selections nested within the limits.
// fast-check's gen() draws every choice, so a run is reproducible from its seed and shrinks on failure.
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** fast-check's gen() value: draws one value of an arbitrary built by the factory from the arguments. */
export type Draw = fc.GeneratorValue;

/** What the fuzz knows of the data: real global IDs, cursors, names and URLs read from the database. */
export interface FuzzPools {
  ids: string[];
  /** The same IDs by the type they name. */
  idsByType: Record<string, string[]>;
  cursors: string[];
  names: string[];
  urls: string[];
}

/**
 * A uniform integer from 0 to max, for choices and chances: fast-check biases its integers towards the ends of their
 * range (good for values, where the edges are what breaks), which would make the first and last choice the common ones.
 */
export const uniformInteger = (max: number) => fc.noBias(fc.integer({ min: 0, max }));

/** Strings that have broken services before: NUL, lone surrogates, control characters, injections, giants. */
export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'Ha\u0000mas',
  '\ud800',
  'x\udfff',
  '\udfff\ud800',
  '\u0001\u0002\u001f\u007f',
  '\r\n\t\u000b\u000c',
  '\u202e\u2066\u200b\ufeff',
  '\u0301\u0301',
  '\uffff\ufffe',
  '😀🇫🇷',
  '%00%ff%c0%af',
  '\\',
  '\\u0000',
  '"',
  "'",
  "' OR '1'='1",
  "'; DROP TABLE \"Event\"; --",
  '1; SELECT pg_sleep(10); --',
  "%' AND 1=0 UNION SELECT password FROM \"ApiKey\" --",
  '$1',
  '%_%',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  'javascript:alert(1)',
  'x'.repeat(201),
  'é'.repeat(5_000),
  'a'.repeat(100_000),
];

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Global IDs that are not, or name nothing: forged types, huge, negative and fractional numbers, garbage. */
export const malformedIds: readonly string[] = [
  '',
  '!!!',
  '====',
  b64('Event:2147483648'),
  b64('Event:999999999999999'),
  b64('Event:9999999999999999999999'),
  b64('Person:0'),
  b64('Place:-1'),
  b64('Event:1.5'),
  b64('Event:1e3'),
  b64('Event:'),
  b64(':1'),
  b64('Nope:1'),
  b64('event:1'),
  b64('ApiKey:1'),
  b64('WriteRecord:1'),
  b64('Event:1:2'),
  b64('Event: 1'),
  b64('Event:0x10'),
  b64('\u0000'),
  b64('Event:1\u0000'),
  'RXZlbnQ6MQ', // "Event:1" without its padding
  'RXZlbnQ6MQ==\n',
  'RXZlbnQ6MQ==='.repeat(3),
  '\ud800',
  'a'.repeat(10_000),
];

/** Cursors no list returned: forged Pothos cursors ("GPC:" and a tagged value), other libraries', garbage. */
export const forgedCursors: readonly string[] = [
  '',
  '!!!',
  'Zm9vOmJhcg==',
  b64('arrayconnection:99999999999'),
  b64('arrayconnection:-1'),
  b64('GPC:N:99999999999'),
  b64('GPC:N:-5'),
  b64('GPC:N:1.5'),
  b64('GPC:N:NaN'),
  b64('GPC:S:\u0000'),
  b64('GPC:S:x'),
  b64('GPC:J:{"id":99999999999}'),
  b64('GPC:J:{"id":"1"}'),
  b64('GPC:J:{"id":null}'),
  b64('GPC:J:[1,2,3]'),
  b64('GPC:J:{'),
  b64('GPC:D:99999999999999999'),
  b64('GPC:D:-99999999999999'),
  b64('GPC:B:99999999999999999999999'),
  b64('GPC:X:1'),
  b64('GPC:Z:'),
  b64('GPC:I:5'),
  b64('GPC:O:{"id":1}'),
  b64('GPC:T:["N:1"]'),
  b64('GPC:M:1.5'),
  b64('GPC:'),
  b64('9999-99-99/1'),
  b64('0001-01-01/1'),
  '\ud800',
  'a'.repeat(10_000),
];

/** Page sizes out of every bound: negative, zero, above the page limit, above int32, fractional. */
export const hostileCounts: readonly number[] = [-1, -2_147_483_648, 0, 101, 1_000, 100_000, 2_147_483_647, 2 ** 31, 2 ** 53, 1e300, 1.5, -0.5];

/** Days that are not days, or outside the API's bounds. */
export const hostileDays: readonly string[] = ['0001-01-01', '0999-12-31', '2200-01-01', '9999-12-31', '2023-02-30', '2023-13-01', '0000-00-00', '+002023-01-01', '2023-1-1', '2023-01-01T00:00:00Z', 'yesterday', ''];

interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

interface Walk {
  g: Draw;
  schema: GraphQLSchema;
  pools: FuzzPools;
  /** Chance that an argument value is hostile (0 for valid operations). */
  hostility: number;
  /** Arguments passed as variables rather than literals in this operation. */
  useVariables: boolean;
  variables: Record<string, unknown>;
  declarations: string[];
}

const chance = (walk: Walk, p: number) => p > 0 && walk.g(uniformInteger, 999) < p * 1000;
/** One of the values, drawn by index: fast-check compares drawn values, and schema objects are cyclic. */
const pick = <T>(walk: Walk, values: readonly T[]): T => values[walk.g(uniformInteger, values.length - 1)]!;
/** Some of the values, in a drawn order, also drawn by index. */
function someOf<T>(g: Draw, values: readonly T[], minLength: number, maxLength: number): T[] {
  const indices = g(fc.shuffledSubarray, values.map((_, index) => index), { minLength, maxLength }) as number[];
  return indices.map((index) => values[index]!);
}

function isConnection(type: GraphQLNamedType): type is GraphQLObjectType {
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
}

/** The type of node an ID argument of this name takes. */
const idArgumentTypes: Record<string, string> = {
  place: 'Place',
  within: 'Place',
  person: 'Person',
  organization: 'Organization',
  event: 'Event',
  from: 'Event',
  to: 'Event',
  source: 'Source',
  publisher: 'Source',
  article: 'Article',
  claim: 'Claim',
};

/** A value of the input type that the schema accepts (though the resolver may still refuse it). */
function validValue(walk: Walk, type: GraphQLInputType, name: string, depth: number): unknown {
  if (isNonNullType(type)) return validValue(walk, type.ofType, name, depth);
  if (isListType(type)) {
    const length = walk.g(fc.integer, { min: 0, max: 3 });
    return Array.from({ length }, () => validValue(walk, type.ofType, name, depth + 1));
  }
  if (isEnumType(type)) return pick(walk, type.getValues().map((value) => value.name));
  if (isInputObjectType(type)) {
    const object: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || (depth < 3 && chance(walk, 0.3))) object[field.name] = validValue(walk, field.type, field.name, depth + 1);
    }
    return object;
  }
  switch (type.name) {
    case 'Int':
      if (/^(first|last)$/.test(name)) return walk.g(fc.integer, { min: 0, max: 3 });
      if (/limit/i.test(name)) return walk.g(fc.integer, { min: 1, max: 5 });
      if (/^min/.test(name)) return walk.g(fc.integer, { min: 1, max: 5 });
      return walk.g(fc.integer, { min: 0, max: 50 });
    case 'Float':
      return walk.g(fc.double, { min: -180, max: 180, noNaN: true });
    case 'Boolean':
      return walk.g(fc.boolean);
    case 'ID': {
      // An argument named for a type takes IDs of that type; entity, node, id and ids take any.
      const typename = idArgumentTypes[name.replace(/Ids?$|s$/, '')];
      const typed = typename ? walk.pools.idsByType[typename] : undefined;
      return pick(walk, typed?.length ? typed : walk.pools.ids);
    }
    case 'Date':
      return walk.g(fc.date, { min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).toISOString().slice(0, 10);
    case 'DateTime':
      return walk.g(fc.date, { min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).toISOString();
    case 'JSON':
      return { note: walk.g(fc.string, { maxLength: 10 }) };
    default:
      if (/^(after|before)$/.test(name)) return pick(walk, walk.pools.cursors);
      if (/url/i.test(name)) return pick(walk, walk.pools.urls);
      if (/^(start|end|from|to|day|date)$/i.test(name)) return walk.g(fc.date, { min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).toISOString().slice(0, 10);
      if (chance(walk, 0.6)) return pick(walk, walk.pools.names);
      return walk.g(fc.string, { maxLength: 12 });
  }
}

/** A value the schema refuses, or one it accepts that is hostile to what lies behind it. */
function hostileValue(walk: Walk, type: GraphQLInputType, name: string, depth: number): unknown {
  const named = getNamedType(type);
  const kind = walk.g(uniformInteger, 9);
  if (kind === 0) return pick<unknown>(walk, [null, true, 3.5, -1, 'text', [], [null], {}, { nope: 1 }, [[['deep']]], 2 ** 64]);
  if (kind === 1 && isInputObjectType(named)) {
    const object = validValue(walk, getNullableType(type) as GraphQLInputType, name, depth) as Record<string, unknown>;
    return { ...(typeof object === 'object' && object && !Array.isArray(object) ? object : {}), unknownField: 1 };
  }
  if (kind === 2 && isListType(getNullableType(type))) {
    const length = pick(walk, [101, 1_000, 5_000]);
    return Array.from({ length }, () => validValue(walk, (getNullableType(type) as { ofType: GraphQLInputType }).ofType, name, depth + 1));
  }
  if (isEnumType(named)) return pick(walk, ['nope', named.getValues()[0]!.name.toLowerCase(), '', 0, `${named.getValues()[0]!.name} `]);
  if (isInputObjectType(named)) {
    const object: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      if (isNonNullType(field.type) || chance(walk, 0.5)) {
        object[field.name] = chance(walk, 0.6) ? hostileValue(walk, field.type, field.name, depth + 1) : validValue(walk, field.type, field.name, depth + 1);
      }
    }
    return object;
  }
  const scalar = isScalarType(named) ? named.name : 'String';
  const value = (() => {
    switch (scalar) {
      case 'Int':
      case 'Float':
        return pick(walk, hostileCounts);
      case 'ID':
        return chance(walk, 0.7) ? pick(walk, malformedIds) : pick(walk, hostileStrings);
      case 'Date':
      case 'DateTime':
        return pick(walk, hostileDays);
      case 'Boolean':
        return pick<unknown>(walk, ['true', 1, 0]);
      default:
        if (/^(after|before)$/.test(name) && chance(walk, 0.7)) return pick(walk, forgedCursors);
        if (/^(start|end|from|to|day|date|publishedAt)$/i.test(name) && chance(walk, 0.5)) return pick(walk, hostileDays);
        return pick(walk, hostileStrings);
    }
  })();
  return isListType(getNullableType(type)) && chance(walk, 0.5) ? [value] : value;
}

/** A GraphQL literal for the value, or null when it has none (a lone surrogate, a value of the wrong shape is fine). */
function literal(value: unknown, type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, isListType(getNullableType(type)) ? (getNullableType(type) as { ofType: GraphQLInputType }).ofType : type)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${literal(item, fields[key]?.type ?? named as GraphQLInputType)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string' && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) && !/^(true|false|null)$/.test(value)) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return JSON.stringify(value);
}

function argumentText(walk: Walk, argument: GraphQLArgument): string | null {
  const hostile = chance(walk, walk.hostility);
  const value = hostile ? hostileValue(walk, argument.type, argument.name, 0) : validValue(walk, argument.type, argument.name, 0);
  // JSON has no literal form worth printing, and a variable carries any value, wrong or right, to coercion.
  if (walk.useVariables || getNamedType(argument.type).name === 'JSON') {
    const variable = `v${walk.declarations.length}`;
    walk.declarations.push(`$${variable}: ${String(argument.type)}`);
    walk.variables[variable] = value;
    return `${argument.name}: $${variable}`;
  }
  return `${argument.name}: ${literal(value, argument.type)}`;
}

function argumentsText(walk: Walk, field: GraphQLField<unknown, unknown>): string {
  const chosen: string[] = [];
  const paged = isConnection(getNamedType(field.type));
  // A connection is nearly always given a small page, so nested pages stay far inside the node budget.
  const pageArgument = paged ? (chance(walk, 0.9) ? pick(walk, ['first', 'last']) : null) : null;
  // Pothos refuses first with last, after with before, and after with last or before with first:
  // a valid operation pages forwards (first, after) or backwards (last, before).
  const cursorArgument = pageArgument === 'last' ? 'before' : 'after';
  for (const argument of field.args) {
    const required = isNonNullType(argument.type) && argument.defaultValue === undefined;
    const isPage = argument.name === 'first' || argument.name === 'last';
    const isCursor = argument.name === 'after' || argument.name === 'before';
    const paired = isPage ? argument.name === pageArgument : isCursor ? argument.name === cursorArgument && chance(walk, 0.35) : chance(walk, 0.35);
    const wanted = required || paired || ((isPage || isCursor) && chance(walk, walk.hostility * 0.3));
    if (!wanted) continue;
    const text = argumentText(walk, argument);
    if (text) chosen.push(text);
  }
  return chosen.length ? `(${chosen.join(', ')})` : '';
}

/** A selection set on the type, at most `depth` levels deep (a connection hop, field → edges → node, is three). */
function selectionSet(walk: Walk, type: GraphQLNamedType, depth: number): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = walk.schema.getPossibleTypes(type);
    const chosen = someOf(walk.g, possible, 1, Math.min(2, possible.length));
    const shared = isInterfaceType(type) && 'id' in type.getFields() ? ' id' : '';
    return `{ __typename${shared} ${chosen.map((object) => `... on ${object.name} ${selectionSet(walk, object, depth - 1)}`).join(' ')} }`;
  }
  if (!isObjectType(type)) return '';
  const fields = Object.values(type.getFields());
  if (isConnection(type)) {
    const parts: string[] = [];
    if (chance(walk, 0.5)) parts.push('totalCount');
    if (chance(walk, 0.4)) parts.push(`pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`);
    if (depth >= 3 || !parts.length) {
      const node = getNamedType(type.getFields().edges!.type) as GraphQLObjectType;
      const nodeType = getNamedType(node.getFields().node!.type);
      parts.push(`edges { cursor node ${depth >= 3 ? selectionSet(walk, nodeType, depth - 2) : '{ __typename }'} }`);
    }
    return `{ ${parts.join(' ')} }`;
  }
  const count = walk.g(fc.integer, { min: 1, max: 4 });
  const chosen = someOf(walk.g, fields, 1, Math.min(count, fields.length));
  const parts: string[] = [];
  const seen = new Map<string, number>();
  for (const field of chosen) {
    const named = getNamedType(field.type);
    if (!isLeafType(named) && depth < 2) continue;
    // The same field twice (with other arguments) needs an alias.
    const times = (seen.get(field.name) ?? 0) + 1;
    seen.set(field.name, times);
    const alias = times > 1 || chance(walk, 0.05) ? `${field.name}${times}: ` : '';
    parts.push(`${alias}${field.name}${argumentsText(walk, field)} ${selectionSet(walk, named, depth - 1)}`.trim());
  }
  if (!parts.length) parts.push('__typename');
  return `{ ${parts.join(' ')} }`;
}

export interface OperationOptions {
  /** Chance that each argument is hostile; 0 builds operations the schema accepts. */
  hostility?: number;
  /** Deepest selection: graphql-armor's limit is 15. */
  maxDepth?: number;
}

/** One query operation: 1–3 root fields of Query, with arguments and nested selections drawn from the schema. */
export function schemaOperation(g: Draw, schema: GraphQLSchema, pools: FuzzPools, options: OperationOptions = {}): Operation {
  const walk: Walk = { g, schema, pools, hostility: options.hostility ?? 0, useVariables: g(fc.boolean), variables: {}, declarations: [] };
  const roots = Object.values(schema.getQueryType()!.getFields());
  const chosen = someOf(g, roots, 1, 3);
  const depth = g(fc.integer, { min: 1, max: options.maxDepth ?? 8 });
  const parts = chosen.map((field) => `${field.name}${argumentsText(walk, field)} ${selectionSet(walk, getNamedType(field.type), depth)}`.trim());
  const header = walk.declarations.length ? `query Fuzz(${walk.declarations.join(', ')})` : 'query Fuzz';
  return { query: `${header} { ${parts.join(' ')} }`, variables: walk.variables };
}

/** One mutation with schema-typed, mostly hostile arguments (ingestion left out: it runs the extractor, seconds each). */
export function schemaMutation(g: Draw, schema: GraphQLSchema, pools: FuzzPools, hostility = 0.6): Operation {
  const walk: Walk = { g, schema, pools, hostility, useVariables: g(fc.boolean), variables: {}, declarations: [] };
  const roots = Object.values(schema.getMutationType()!.getFields()).filter((field) => !/^ingest/.test(field.name));
  const field = pick(walk, roots);
  const text = `${field.name}${argumentsText(walk, field)} ${selectionSet(walk, getNamedType(field.type), 4)}`.trim();
  const header = walk.declarations.length ? `mutation Fuzz(${walk.declarations.join(', ')})` : 'mutation Fuzz';
  return { query: `${header} { ${text} }`, variables: walk.variables };
}

/** What must never reach a client: stack frames, file paths, SQL, driver names, the masked error's old text. */
const leakPatterns: readonly RegExp[] = [
  /\bat (?:async )?[\w.<>$]+ \(/,
  /\bat file:\/\//,
  /\/work\//,
  /node_modules/,
  /\.ts:\d/,
  /\.js:\d+:\d+/,
  /Unexpected error/i,
  /\bprisma\b|PrismaClient|Invalid `/i,
  /PGlite|\bpg_|SQLSTATE|ERRCODE/i,
  // SQL as Prisma and PostgreSQL write it: keywords in capitals, identifiers quoted ("from:" in a message is no SQL).
  /\bSELECT [\s\S]{0,300}?\bFROM "/,
  /\b(?:INSERT INTO|UPDATE "|DELETE FROM)\b/i,
  /"stack"\s*:/,
];

export interface ResponseCheck {
  status: number;
  text: string;
  /** Everything the request sent, so an echo of the client's own input is not counted as a leak. */
  requestText: string;
}

/** The problems with one response: a 5xx, a body that is not JSON, an error without a code, an internal error, a leak. */
export function responseProblems({ status, text, requestText }: ResponseCheck): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`HTTP ${status}`);
  let body: { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined;
  // A client that accepts only text/event-stream gets its result as server-sent events: the data lines are the JSON.
  const events = /^:?\s*\n?event: /.test(text) ? [...text.matchAll(/^data: (.+)$/gm)].map((match) => match[1]!) : null;
  try {
    body = events ? { errors: events.flatMap((data) => JSON.parse(data).errors ?? []) } : JSON.parse(text);
  } catch {
    problems.push(`body is not JSON: ${text.slice(0, 200)}`);
  }
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  if (body && status >= 400 && !errors.length && !(body as { code?: unknown }).code) problems.push(`HTTP ${status} without an error: ${text.slice(0, 200)}`);
  for (const error of errors) {
    const code = error?.extensions?.code;
    if (typeof code !== 'string' || !code) problems.push(`error without a code: ${String(error?.message).slice(0, 200)}`);
    else if (code === 'INTERNAL_SERVER_ERROR') problems.push(`internal error: ${String(error?.message).slice(0, 200)}`);
  }
  for (const pattern of leakPatterns) {
    if (pattern.test(text) && !pattern.test(requestText)) problems.push(`leaks ${pattern}: ${text.slice(Math.max(0, text.search(pattern) - 80), text.search(pattern) + 120)}`);
  }
  return problems;
}
