// The generated fuzz suite of /graphql: thousands of operations built from the schema (valid ones, and hostile ones
// of every kind a client can send), each answered with status < 500, a JSON body, a code on every error and nothing
// of the server's insides. The seed is fixed so a failure reproduces: NEWSLINE_FUZZ_SEED=<seed> replays another run,
// NEWSLINE_FUZZ_SCALE=<n> multiplies the counts, and NEWSLINE_FUZZ_COLLECT=1 runs every case and lists every
// problem by kind instead of stopping (and shrinking) at the first; NEWSLINE_FUZZ_DATABASE=postgres runs it on PostgreSQL.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { schema } from '../../src/schema/index.js';
import {
  forgedCursors,
  hostileCounts,
  hostileDays,
  hostileStrings,
  malformedIds,
  responseProblems,
  schemaMutation,
  schemaOperation,
  uniformInteger,
  type Draw,
  type FuzzPools,
} from '../support/graphql-fuzz.js';
import { openHarness, type HttpHarness } from './http-client.js';

const seed = Number(process.env.NEWSLINE_FUZZ_SEED ?? 20_261_204);
const scale = Number(process.env.NEWSLINE_FUZZ_SCALE ?? 1);
/** PGlite by default; NEWSLINE_FUZZ_DATABASE=postgres runs the same requests against the PostgreSQL test server. */
const database = process.env.NEWSLINE_FUZZ_DATABASE === 'postgres' ? 'postgres' : 'pglite';
const collect = process.env.NEWSLINE_FUZZ_COLLECT === '1';

/** A request as sent: method, headers and a body of text or raw bytes. */
interface FuzzRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

const tried = new Map<string, number>();
/** Per kind, how many responses carried each error code ("none" for a response without errors). */
const codes = new Map<string, Map<string, number>>();
const found = new Map<string, string[]>();

function describeRequest(request: FuzzRequest): string {
  const body = typeof request.body === 'string' ? request.body : request.body ? `bytes ${Buffer.from(request.body).toString('latin1')}` : '';
  return `${request.method ?? 'POST'} ${request.path ?? '/graphql'} ${JSON.stringify(request.headers ?? {})} ${body.length > 600 ? `${body.slice(0, 600)}… (${body.length} chars)` : body}`;
}

let harness: HttpHarness;
let pools: FuzzPools;
/** The server logs what it masks; the response check catches those, so the log is kept out of the test output. */
let serverLog: MockInstance;

async function send(request: FuzzRequest): Promise<{ status: number; text: string }> {
  const body = request.body;
  // Writes, and the write log, need a key; the fuzz is about what the server does with them, not who may.
  const isMutation = typeof body === 'string' && /"query"\s*:\s*"\s*mutation\b|writeLog/.test(body);
  const headers = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...(isMutation ? { authorization: `Bearer ${harness.adminKey}` } : {}),
    ...request.headers,
  };
  const response = await harness.server.fetch(
    `http://newsline${request.path ?? '/graphql'}`,
    { method: request.method ?? 'POST', headers, body: request.method === 'GET' ? undefined : body },
    { req: { socket: { remoteAddress: '192.0.2.7' } } },
  );
  return { status: response.status, text: await response.text() };
}

function firstCode(text: string): string | null {
  try {
    const errors = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors;
    return errors?.[0]?.extensions?.code ?? null;
  } catch {
    return null;
  }
}

/** Sends the request and checks its response; throws (for fast-check to shrink) or records, in collect mode. */
async function check(kind: string, request: FuzzRequest): Promise<void> {
  tried.set(kind, (tried.get(kind) ?? 0) + 1);
  const { status, text } = await send(request);
  const requestText = typeof request.body === 'string' ? request.body : `${request.path ?? ''}`;
  const problems = responseProblems({ status, text, requestText: `${request.path ?? ''} ${requestText}` });
  const seen = codes.get(kind) ?? new Map<string, number>();
  codes.set(kind, seen);
  const code = firstCode(text) ?? (status < 300 ? 'none' : `HTTP ${status}`);
  seen.set(code, (seen.get(code) ?? 0) + 1);
  if (!problems.length) return;
  const report = `${problems.join('; ')}\n  request: ${describeRequest(request)}\n  response: HTTP ${status} ${text.slice(0, 400)}`;
  if (collect) {
    found.set(kind, [...(found.get(kind) ?? []), report]);
    return;
  }
  throw new Error(report);
}

const json = (query: string, variables?: Record<string, unknown>, extra: Record<string, unknown> = {}) => JSON.stringify({ query, variables, ...extra });

/** Runs `runs` generated requests of one kind with the fixed seed; fast-check prints the seed and the shrunk case on failure. */
async function fuzz(kind: string, runs: number, build: (g: Draw) => FuzzRequest): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.gen(), async (g) => {
      await check(kind, build(g));
    }),
    { seed, numRuns: Math.round(runs * scale), endOnFailure: false, verbose: fc.VerbosityLevel.Verbose },
  );
}

const pick = <T>(g: Draw, values: readonly T[]): T => values[g(uniformInteger, values.length - 1)]!;

/** A valid operation's text, for the kinds that break it afterwards. */
function validText(g: Draw): { query: string; variables: Record<string, unknown> } {
  return schemaOperation(g, schema, pools, { maxDepth: 6 });
}

function insertAt(text: string, index: number, insert: string): string {
  return `${text.slice(0, index)}${insert}${text.slice(index)}`;
}

const unknownNames = ['nope', 'password', '__proto__', 'constructor', 'Event', 'edgez', 'totalcount', '_id', 'sql', 'node_modules'];
const controlCharacters = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u2028', '\u2029', '\ud800', '\udfff', '\ufeff', '\ufffe'];
const syntaxNoise = ['{', '}', '(', ')', '[', ']', ':', '$', '!', '@', '#', '"', '"""', '\\', '.', '...', '=', '|', '&', ',', '0x', '-', '1e', 'é', '$$', '@include'];
const invalidUtf8: readonly number[][] = [[0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc3], [0xe2, 0x82], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];

beforeAll(async () => {
  serverLog = vi.spyOn(console, 'error').mockImplementation(() => {});
  harness = await openHarness({}, true, database);
  const lists = ['events', 'people', 'places', 'organizations', 'sources', 'articles', 'claims'];
  const ids: string[] = [];
  const cursors: string[] = [];
  const names: string[] = [];
  for (const list of lists) {
    const name = ['people', 'places', 'organizations', 'sources'].includes(list) ? 'name' : '__typename';
    const { body } = await harness.post(`{ ${list}(first: 30) { edges { cursor node { id ${name} } } } }`);
    for (const edge of body.data?.[list]?.edges ?? []) {
      ids.push(edge.node.id);
      cursors.push(edge.cursor);
      if (edge.node.name) names.push(edge.node.name, edge.node.name.slice(0, 3), edge.node.name.toUpperCase());
    }
  }
  const articles = await harness.post('{ articles(first: 5) { edges { node { url title } } } }');
  const urls = (articles.body.data?.articles?.edges ?? []).map((edge: { node: { url: string } }) => edge.node.url).filter(Boolean);
  expect(ids.length).toBeGreaterThan(20);
  const idsByType: Record<string, string[]> = {};
  for (const id of ids) (idsByType[Buffer.from(id, 'base64').toString('utf8').split(':')[0]!] ??= []).push(id);
  pools = { ids, idsByType, cursors, names, urls: urls.length ? urls : ['https://example.com/news/1'] };
  console.log(`fuzz-graphql: seed ${seed} (set NEWSLINE_FUZZ_SEED to change it), ${ids.length} IDs and ${cursors.length} cursors from the demo graph`);
});

afterAll(async () => {
  console.log(`fuzz-graphql: requests by kind ${JSON.stringify(Object.fromEntries(tried))}`);
  for (const [kind, seen] of codes) console.log(`fuzz-graphql: ${kind}: first error code of each response ${JSON.stringify(Object.fromEntries([...seen].sort((a, b) => b[1] - a[1])))}`);
  if (collect) {
    for (const [kind, reports] of found) {
      const classes = new Map<string, number>();
      for (const report of reports) {
        const head = report.split('\n')[0]!.replace(/\(request [0-9a-f-]+\)/, '').slice(0, 90);
        classes.set(head, (classes.get(head) ?? 0) + 1);
      }
      console.log(`fuzz-graphql: ${kind}: ${reports.length} problem(s) ${JSON.stringify(Object.fromEntries(classes))}\n${[...new Set(reports)].slice(0, 5).join('\n')}`);
    }
    console.log(`fuzz-graphql: problems by kind ${JSON.stringify(Object.fromEntries([...found].map(([kind, reports]) => [kind, reports.length])))}`);
  }
  console.log(`fuzz-graphql: the server logged ${serverLog.mock.calls.length} error(s)`);
  serverLog.mockRestore();
  await harness?.close();
});

describe('fuzz /graphql: valid operations built from the schema', () => {
  it('answers every one without a 5xx, an uncoded or internal error, or a leak', async () => {
    await fuzz('valid', 2_000, (g) => {
      const { query, variables } = schemaOperation(g, schema, pools, { maxDepth: 6 });
      return { body: json(query, variables) };
    });
    if (collect) expect(found.get('valid') ?? []).toEqual([]);
  }, 300_000);

  it('mutations with arguments of the right types (with an admin key): duplicates, self-links, merges of anything', async () => {
    await fuzz('schema-typed mutations', 300, (g) => {
      const { query, variables } = schemaMutation(g, schema, pools, 0);
      return { body: json(query, variables) };
    });
  }, 300_000);
});

describe('fuzz /graphql: malformed and hostile requests', () => {
  it('hostile argument values: wrong types, forged IDs and cursors, huge and negative pages, NUL, surrogates, injections, 100k strings', async () => {
    await fuzz('hostile arguments', 600, (g) => {
      const { query, variables } = schemaOperation(g, schema, pools, { hostility: 0.6, maxDepth: 6 });
      return { body: json(query, variables) };
    });
  }, 300_000);

  it('hostile mutation arguments (with an admin key)', async () => {
    await fuzz('hostile mutations', 250, (g) => {
      const { query, variables } = schemaMutation(g, schema, pools);
      return { body: json(query, variables) };
    });
  }, 300_000);

  it('ingestion of hostile articles: every format, hostile text, dates, URLs and publishers (with an admin key)', async () => {
    const formats = ['TEXT', 'TEXT', 'JSON', 'TIMEML'];
    const contents = [
      ...hostileStrings,
      '<html><body><script>alert(1)</script><p>Officials said 3 people were killed in Paris on Monday.</p></body></html>',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      '<TimeML><DOCID>x</DOCID><TEXT>Officials said on <TIMEX3 tid="t1" value="9999-99-99">Monday</TIMEX3>.</TEXT></TimeML>',
      '{"title": 1, "body": [null]}',
      `${'<div>'.repeat(5_000)}Police said.${'</div>'.repeat(5_000)}`,
      'Officials said 3 people were killed in Paris on Monday.',
    ];
    const sentence = 'Officials said 3 people were killed in Paris on Monday, and 12 were injured, the ministry reported.';
    await fuzz('hostile ingestion', 40, (g) => {
      // Mostly an article the extractor reads, with one hostile part: the refusals of a wholly hostile input are above.
      const content = pick(g, contents);
      const input: Record<string, unknown> = { content: g(fc.boolean) ? `${sentence} ${content} ${sentence}` : content };
      if (g(fc.boolean)) input.format = pick(g, formats);
      input.publishedAt = g(uniformInteger, 3) === 0 ? pick(g, [...hostileDays, '2023-11-04T25:61:00Z', '19980108']) : '2023-11-04';
      if (g(fc.boolean)) input.url = pick(g, ['javascript:alert(1)', 'http://', 'https://example.com/a b', `https://example.com/${'a'.repeat(5_000)}`, 'file:///etc/passwd', `https://example.com/news/${g(uniformInteger, 999)}`]);
      if (g(fc.boolean)) input.publisher = pick(g, hostileStrings);
      if (g(fc.boolean)) input.title = pick(g, hostileStrings);
      return { body: json('mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { status } }', { input }) };
    });
  }, 300_000);

  it('unknown fields, arguments and types', async () => {
    await fuzz('unknown names', 200, (g) => {
      const { query, variables } = validText(g);
      const name = pick(g, unknownNames);
      const variant = g(uniformInteger, 3);
      if (variant === 0) return { body: json(query.replace(/\{ /, `{ ${name} `), variables) };
      if (variant === 1) return { body: json(query.replace(/(\w+)(\(| \{)/, `$1(${name}: 1)$2`), variables) };
      if (variant === 2) return { body: json(query.replace(/\.\.\. on \w+/, `... on ${name}`).replace(/\{ (\w+)/, `{ $1 ${name} { id }`), variables) };
      return { body: json(`query ($x: ${name}) { events(first: 1) { totalCount } }`, { x: 1 }) };
    });
  }, 300_000);

  it('broken syntax: cut short, characters inserted or dropped', async () => {
    await fuzz('broken syntax', 250, (g) => {
      const { query, variables } = validText(g);
      const index = g(fc.integer, { min: 0, max: query.length });
      const variant = g(uniformInteger, 2);
      const broken = variant === 0 ? query.slice(0, index) : variant === 1 ? insertAt(query, index, pick(g, syntaxNoise)) : query.slice(0, index) + query.slice(index + 1);
      return { body: json(broken, variables) };
    });
  }, 300_000);

  it('control characters, NUL and lone surrogates in the query text and variable names', async () => {
    await fuzz('control characters', 200, (g) => {
      const { query, variables } = validText(g);
      const character = pick(g, controlCharacters);
      const variant = g(uniformInteger, 2);
      if (variant === 0) return { body: json(insertAt(query, g(fc.integer, { min: 0, max: query.length }), character), variables) };
      if (variant === 1) return { body: json(query.replace(/(first|last|search|id): /, `$1: "${character}" `), variables) };
      return { body: json('query ($s: String) { people(search: $s, first: 1) { totalCount } }', { s: character, [`s${character}`]: 1 }) };
    });
  }, 300_000);

  it('invalid UTF-8 bytes in the body', async () => {
    await fuzz('invalid UTF-8', 200, (g) => {
      const { query, variables } = validText(g);
      const text = json(query, variables);
      const bytes = Buffer.from(text, 'utf8');
      const index = g(fc.integer, { min: 0, max: bytes.length });
      const bad = Buffer.from(pick(g, invalidUtf8));
      return { body: new Uint8Array(Buffer.concat([bytes.subarray(0, index), bad, bytes.subarray(index)])) };
    });
  }, 300_000);

  it('deep nesting: selections, fragments, lists and input objects past every limit', async () => {
    await fuzz('deep nesting', 200, (g) => {
      const levels = g(fc.integer, { min: 16, max: 3_000 });
      // JSON nests far deeper than GraphQL text within the body limit: up to 150,000 levels of objects or lists.
      const jsonLevels = g(fc.integer, { min: 16, max: 150_000 });
      const variant = g(uniformInteger, 5);
      if (variant === 0) return { body: json(`{ ${'places(first: 1) { edges { node { '.repeat(levels)}id${' } } }'.repeat(levels)} }`) };
      if (variant === 1) return { body: json(`{ events(first: 1) { edges { node { ${'places(first: 1) { edges { node { parent { '.repeat(levels % 40)}id${' } } } }'.repeat(levels % 40)} } } } }`) };
      if (variant === 2) return { body: json(`query { ...F } fragment F on Query { events(first: 1) { ...G } } fragment G on QueryEventsConnection { edges { node { id } } ...G }`) };
      if (variant === 3) return { body: `{"query":"query ($ids: [ID!]!) { nodes(ids: $ids) { id } }","variables":{"ids":${'['.repeat(jsonLevels)}${']'.repeat(jsonLevels)}}}` };
      if (variant === 4) return { body: `{"query":"{ __typename }","variables":${'{"a":'.repeat(jsonLevels)}1${'}'.repeat(jsonLevels)}}` };
      return { body: json(`{ ${'__typename '.repeat(2)}${'{'.repeat(levels)}${'}'.repeat(levels)} }`) };
    });
  }, 300_000);

  it('alias, directive, token and operation floods', async () => {
    await fuzz('floods', 200, (g) => {
      const count = g(fc.integer, { min: 16, max: 5_000 });
      const variant = g(uniformInteger, 4);
      if (variant === 0) return { body: json(`{ ${Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')} }`) };
      if (variant === 1) return { body: json(`{ ${Array.from({ length: Math.min(count, 400) }, (_, i) => `e${i}: events(first: 100) { totalCount edges { node { id } } }`).join(' ')} }`) };
      if (variant === 2) return { body: json(`{ __typename ${'@include(if: true) '.repeat(count)} }`) };
      if (variant === 3) return { body: json(Array.from({ length: Math.min(count, 2_000) }, (_, i) => `query Q${i} { __typename }`).join(' '), undefined, { operationName: 'Q1' }) };
      return { body: json(`{ events(first: 1) { ${'totalCount '.repeat(count)} } }`) };
    });
  }, 300_000);

  it('giant bodies and giant values', async () => {
    await fuzz('giant bodies', 100, (g) => {
      const size = g(fc.integer, { min: 100_000, max: 1_200_000 });
      const variant = g(uniformInteger, 3);
      if (variant === 0) return { body: json(`{ __typename }${' '.repeat(size)}`) };
      if (variant === 1) return { body: json('query ($s: String) { people(search: $s, first: 1) { totalCount } }', { s: 'x'.repeat(size) }) };
      if (variant === 2) return { body: json(`{ people(search: "${'y'.repeat(Math.min(size, 900_000))}", first: 1) { totalCount } }`) };
      return { body: json('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: Math.floor(size / 20) }, () => pick(g, pools.ids)) }) };
    });
  }, 300_000);

  it('malformed envelopes: not JSON, batches, wrong shapes, odd methods and content types', async () => {
    const envelopes: FuzzRequest[] = [
      { body: '' },
      { body: 'null' },
      { body: '[]' },
      { body: '"{ __typename }"' },
      { body: '{' },
      { body: '{"query": 1}' },
      { body: '{"query": null}' },
      { body: '{"query": ["{ __typename }"]}' },
      { body: '{"query": "{ __typename }", "variables": "x"}' },
      { body: '{"query": "{ __typename }", "variables": [1]}' },
      { body: '{"query": "{ __typename }", "operationName": 5}' },
      { body: '{"query": "{ __typename }", "operationName": "Nope"}' },
      { body: '{"query": "query A { __typename } query B { __typename }"}' },
      { body: '{"query": "subscription { __typename }"}' },
      { body: '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "x"}}}' },
      { body: '{"query": "{ __typename }", "extensions": "x"}' },
      { body: '[{"query": "{ __typename }"}, {"query": "{ __typename }"}]' },
      { body: '{"__proto__": {"query": "{ __typename }"}}' },
      { body: '{"query": "{ __typename }"}', headers: { 'content-type': 'text/plain' } },
      { body: '{"query": "{ __typename }"}', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { body: '{"query": "{ __typename }"}', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
      { body: '{"query": "{ __typename }"}', headers: { 'content-type': 'application/graphql-response+json', accept: 'application/graphql-response+json' } },
      { body: '{"query": "{ __typename }"}', headers: { 'content-type': 'application/json; charset=latin1' } },
      { body: '{"query": "{ __typename }"}', headers: { accept: 'text/event-stream' } },
      { body: '{"query": "{ __typename }"}', headers: { accept: 'application/xml' } },
      { method: 'PUT', body: '{"query": "{ __typename }"}' },
      { method: 'DELETE' },
      { method: 'PATCH', body: '{}' },
      { method: 'GET', path: '/graphql?query=%7B__typename%7D' },
      { method: 'GET', path: '/graphql?query=mutation%7BcreatePerson(input%3A%7Bname%3A%22x%22%7D)%7Bid%7D%7D' },
      { method: 'GET', path: '/graphql?query=%7B__typename%7D&variables=%7B' },
      { method: 'GET', path: '/graphql?query=%ff%fe' },
      { method: 'GET', path: '/graphql?query=%00' },
      { method: 'GET', path: '/graphql?query=' },
      { method: 'GET', path: `/graphql?query=${'%7B'.repeat(5_000)}` },
    ];
    const getParameters = ['{', '}', '[]', '"x"', '1', 'null', '{"a":', '%ff', '{"x":1}', '[{}]', '{"__proto__":{}}', `${'['.repeat(20_000)}${']'.repeat(20_000)}`];
    await fuzz('malformed envelopes', 200, (g) => {
      if (g(uniformInteger, 3) === 0) {
        // A GET's variables, extensions and operationName are JSON (or text) in the URL: malformed ones among them.
        const name = pick(g, ['variables', 'extensions', 'operationName']);
        const value = encodeURIComponent(pick(g, getParameters)).replace('%25ff', '%ff');
        return { method: 'GET', path: `/graphql?query=${encodeURIComponent('query ($s: String) { people(search: $s, first: 1) { totalCount } }')}&${name}=${value}` };
      }
      const envelope = pick(g, envelopes);
      if (g(fc.boolean)) return envelope;
      // The same envelopes around a hostile value.
      const value = pick<unknown>(g, [...hostileStrings.slice(0, 20), ...malformedIds.slice(0, 10), ...forgedCursors.slice(0, 10), ...hostileCounts]);
      return { ...envelope, body: typeof envelope.body === 'string' ? envelope.body.replace('{ __typename }', `{ node(id: ${JSON.stringify(JSON.stringify(String(value))).slice(1, -1)}) { id } }`) : envelope.body };
    });
  }, 300_000);

  it('tried thousands of malformed requests', () => {
    const malformed = [...tried].filter(([kind]) => kind !== 'valid' && kind !== 'schema-typed mutations').reduce((sum, [, count]) => sum + count, 0);
    expect(malformed).toBeGreaterThanOrEqual(Math.round(2_000 * scale));
  });
});
