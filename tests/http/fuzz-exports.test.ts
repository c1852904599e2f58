// The generated fuzz suite of the export URLs (/export/timelinejs.json, /export/events.geojson): thousands of
// random and malformed query strings, each answered 200 with JSON, or 4xx with an error naming the parameter; never
// 5xx, never the server's insides. Fixed seed (NEWSLINE_FUZZ_SEED), counts scaled by NEWSLINE_FUZZ_SCALE.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { encodeEventCursor, geoJsonPath, timelineJsPath } from '../../src/timeline/export-routes.js';
import { EventType } from '../../src/db/generated/prisma/enums.js';
import { forgedCursors, hostileCounts, hostileDays, hostileStrings, malformedIds, responseProblems, uniformInteger, type Draw } from '../support/graphql-fuzz.js';
import { openHarness, type HttpHarness } from './http-client.js';

const seed = Number(process.env.NEWSLINE_FUZZ_SEED ?? 20_261_204);
const scale = Number(process.env.NEWSLINE_FUZZ_SCALE ?? 1);
/** PGlite by default; NEWSLINE_FUZZ_DATABASE=postgres runs the same requests against the PostgreSQL test server. */
const database = process.env.NEWSLINE_FUZZ_DATABASE === 'postgres' ? 'postgres' : 'pglite';

const parameterNames = ['from', 'to', 'types', 'place', 'person', 'organization', 'source', 'search', 'minArticles', 'background', 'limit', 'after'] as const;
type ParameterName = (typeof parameterNames)[number];

let harness: HttpHarness;
let serverLog: MockInstance;
let idsByType: Record<string, string[]> = {};
const tried = new Map<string, number>();
const statuses = new Map<number, number>();

const pick = <T>(g: Draw, values: readonly T[]): T => values[g(uniformInteger, values.length - 1)]!;
const day = (g: Draw) => g(fc.date, { min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).toISOString().slice(0, 10);

/** A value the export accepts for the parameter (though it may match nothing). */
function validParameter(g: Draw, name: ParameterName): string {
  switch (name) {
    case 'from':
    case 'to':
      return day(g);
    case 'types':
      return g(fc.shuffledSubarray, Object.values(EventType), { minLength: 1, maxLength: 3 }).join(pick(g, [',', ', ']));
    case 'place':
    case 'person':
    case 'organization':
    case 'source': {
      const typename = name[0]!.toUpperCase() + name.slice(1);
      return pick(g, idsByType[typename] ?? ['']);
    }
    case 'search':
      return pick(g, ['Gaza', 'gaza', 'GAZA', 'Israël', 'Hamas', 'killed', 'x', 'é', '']);
    case 'minArticles':
      return String(g(fc.integer, { min: 1, max: 3 }));
    case 'background':
      return pick(g, ['exclude', 'include', 'only', 'INCLUDE', 'Only']);
    case 'limit':
      return String(g(fc.integer, { min: 1, max: 50 }));
    case 'after':
      return encodeEventCursor({ startsOn: day(g), id: g(fc.integer, { min: 1, max: 200 }) });
  }
}

/** A value the export must refuse (or may serve, e.g. an unknown but well-formed ID), of the parameter's kind or not. */
function hostileParameter(g: Draw, name: ParameterName): string {
  const generic = () => pick(g, [...hostileStrings, ...malformedIds, ...hostileCounts.map(String)]);
  if (g(uniformInteger, 3) === 0) return generic();
  switch (name) {
    case 'from':
    case 'to':
      return pick(g, hostileDays);
    case 'types':
      return pick(g, ['attack', 'ATTACK,,', 'NOPE', ',', 'ATTACK,NOPE', Object.values(EventType).join(',').repeat(50), '\u0000']);
    case 'place':
    case 'person':
    case 'organization':
    case 'source':
      return g(fc.boolean) ? pick(g, malformedIds) : pick(g, Object.values(idsByType).flat());
    case 'minArticles':
    case 'limit':
      return pick(g, ['0', '-1', '5001', '100001', '1e3', '1.5', '0x10', ' 7', '999999999', '9999999999', 'NaN', 'Infinity', '', '٣']);
    case 'after':
      return pick(g, [...forgedCursors, encodeEventCursor({ startsOn: '9999-99-99', id: 1 }), encodeEventCursor({ startsOn: '2023-01-01', id: 2 ** 31 }), 'MjAyMy0wMS0wMToxCg==']);
    default:
      return generic();
  }
}

/** Percent-encoding that takes lone surrogates too, as the bytes of their WTF-8 form (no valid UTF-8 has them). */
function encodeLoosely(value: string): string {
  return value
    .split(/([\uD800-\uDFFF])/)
    .map((part) => (/^[\uD800-\uDFFF]$/.test(part) ? [...Buffer.from([0xe0 | (part.charCodeAt(0) >> 12), 0x80 | ((part.charCodeAt(0) >> 6) & 0x3f), 0x80 | (part.charCodeAt(0) & 0x3f)])].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('') : encodeURIComponent(part)))
    .join('');
}

/** A query string: percent-encoded values, some raw bytes and broken escapes, repeats, unknown names. */
function queryString(g: Draw, hostility: number): { search: string; names: string[] } {
  const chosen = g(fc.shuffledSubarray, [...parameterNames], { minLength: 0, maxLength: 5 });
  const pairs: [string, string][] = [];
  for (const name of chosen) {
    const hostile = g(uniformInteger, 999) < hostility * 1000;
    pairs.push([name, hostile ? hostileParameter(g, name) : validParameter(g, name)]);
    if (hostile && g(uniformInteger, 9) === 0) pairs.push([name, validParameter(g, name)]);
  }
  if (hostility > 0 && g(uniformInteger, 9) === 0) pairs.push([pick(g, ['nope', 'Limit', 'from[]', 'query', '__proto__', '', 'limit ', '%00']), '1']);
  const encoded = pairs.map(([name, value]) => {
    const raw = hostility > 0 && g(uniformInteger, 14) === 0;
    // Raw: bytes and escapes no browser would send (%ff, a lone %, %zz), left for URLSearchParams to make sense of.
    const text = raw ? `${value}${pick(g, ['%ff', '%', '%zz', '%00', '%c0%af', '+', '&', '=', '#x', '%E2%80%AE'])}` : encodeLoosely(value);
    return `${name}=${raw ? encodeLoosely(text).replace(/%25([0-9a-fA-F]{2}|zz|$)/g, '%$1').replace(/%23x/, '#x') : text}`;
  });
  return { search: encoded.length ? `?${encoded.join('&')}` : '', names: pairs.map(([name]) => name) };
}

interface ExportCheck {
  status: number;
  text: string;
  path: string;
}

/** The export's own rules on top of the shared ones: 200 is JSON of its kind; 400 names a parameter of the request. */
function exportProblems({ status, text, path }: ExportCheck): string[] {
  const problems = responseProblems({ status, text, requestText: decodeURIComponentSafe(path) });
  if (problems.length) return problems;
  const body = JSON.parse(text) as Record<string, unknown>;
  if (status === 200) {
    if (path.startsWith(geoJsonPath) && body.type !== 'FeatureCollection') problems.push(`200 but not a FeatureCollection: ${text.slice(0, 200)}`);
    if (path.startsWith(timelineJsPath) && !Array.isArray(body.events)) problems.push(`200 but not a TimelineJS document: ${text.slice(0, 200)}`);
  } else if (status === 400) {
    const parameter = body.parameter as string | undefined;
    const names = [...new URL(`http://newsline${path}`).searchParams.keys()];
    if (body.code !== 'BAD_USER_INPUT') problems.push(`400 without code BAD_USER_INPUT: ${text.slice(0, 200)}`);
    if (parameter == null || !names.includes(parameter)) problems.push(`400 naming no parameter of the request (${names.join(', ')}): ${text.slice(0, 200)}`);
    else if (!String(body.error).startsWith(`${parameter}:`)) problems.push(`400 whose message does not start with the parameter: ${text.slice(0, 200)}`);
  } else if (status !== 405) {
    problems.push(`HTTP ${status}: ${text.slice(0, 200)}`);
  }
  return problems;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return `${text} ${decodeURIComponent(text.replace(/\+/g, ' '))}`;
  } catch {
    return `${text} ${new URLSearchParams(text.split('?')[1] ?? '').toString()} ${[...new URLSearchParams(text.split('?')[1] ?? '').values()].join(' ')}`;
  }
}

async function get(path: string, method = 'GET'): Promise<ExportCheck & { link: string | null }> {
  const response = await harness.server.fetch(`http://newsline${path}`, { method }, { req: { socket: { remoteAddress: '192.0.2.8' } } });
  return { status: response.status, text: await response.text(), path, link: response.headers.get('link') };
}

async function checkExport(kind: string, path: string, method = 'GET'): Promise<void> {
  tried.set(kind, (tried.get(kind) ?? 0) + 1);
  harness.statements.length = 0;
  const response = await get(path, method);
  // A parameter is checked before any SQL runs: a refused request reads nothing.
  if (response.status === 400 && harness.statements.length) {
    throw new Error(`refused after running SQL (${harness.statements.length} statements)\n  request: ${path.slice(0, 800)}\n  response: ${response.text.slice(0, 300)}`);
  }
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  // OPTIONS (204) and HEAD answer without a body; any other method gets 405 with an error.
  const problems =
    method === 'GET'
      ? exportProblems(response)
      : response.text
        ? responseProblems({ ...response, requestText: path })
        : response.status >= 500
          ? [`HTTP ${response.status}`]
          : [];
  if (problems.length) throw new Error(`${problems.join('; ')}\n  request: ${method} ${path.slice(0, 800)}\n  response: HTTP ${response.status} ${response.text.slice(0, 400)}`);
  // The next page's URL, as the Link header gives it, is served too.
  const next = /^<([^>]+)>; rel="next"$/.exec(response.link ?? '')?.[1];
  if (next) {
    const url = new URL(next);
    const page = await get(`${url.pathname}${url.search}`);
    const pageProblems = exportProblems(page);
    if (page.status !== 200 || pageProblems.length) throw new Error(`the Link header's next page failed: HTTP ${page.status} ${pageProblems.join('; ')}\n  request: ${path}`);
  }
}

async function fuzz(kind: string, runs: number, property: (g: Draw) => Promise<void>): Promise<void> {
  await fc.assert(fc.asyncProperty(fc.gen(), property), { seed, numRuns: Math.round(runs * scale), verbose: fc.VerbosityLevel.Verbose });
}

beforeAll(async () => {
  serverLog = vi.spyOn(console, 'error').mockImplementation(() => {});
  harness = await openHarness({}, true, database);
  for (const list of ['places', 'people', 'organizations', 'sources']) {
    const { body } = await harness.post(`{ ${list}(first: 30) { edges { node { id __typename } } } }`);
    for (const edge of body.data?.[list]?.edges ?? []) (idsByType[edge.node.__typename] ??= []).push(edge.node.id);
  }
  expect(Object.keys(idsByType).sort()).toEqual(['Organization', 'Person', 'Place', 'Source']);
  console.log(`fuzz-exports: seed ${seed} (set NEWSLINE_FUZZ_SEED to change it)`);
});

afterAll(async () => {
  console.log(`fuzz-exports: requests by kind ${JSON.stringify(Object.fromEntries(tried))}, by status ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log(`fuzz-exports: the server logged ${serverLog.mock.calls.length} error(s)`);
  serverLog.mockRestore();
  await harness?.close();
});

describe('fuzz the export URLs', () => {
  it('serves every valid combination of parameters with 200 (and its Link header with 200)', async () => {
    await fuzz('valid', 600, async (g) => {
      const { search } = queryString(g, 0);
      await checkExport('valid', `${pick(g, [timelineJsPath, geoJsonPath])}${search}`);
    });
  }, 300_000);

  it('answers hostile parameters with 200 or 4xx naming the parameter, never 5xx', async () => {
    await fuzz('hostile', 1_600, async (g) => {
      const { search } = queryString(g, 0.7);
      await checkExport('hostile', `${pick(g, [timelineJsPath, geoJsonPath])}${search}`);
    });
  }, 300_000);

  it('answers other methods, giant and odd query strings without a 5xx', async () => {
    await fuzz('odd requests', 200, async (g) => {
      const path = pick(g, [timelineJsPath, geoJsonPath]);
      const variant = g(uniformInteger, 4);
      if (variant === 0) return checkExport('odd requests', `${path}?limit=1`, pick(g, ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']));
      if (variant === 1) return checkExport('odd requests', `${path}?search=${'a'.repeat(g(fc.integer, { min: 1, max: 60_000 }))}`);
      if (variant === 2) return checkExport('odd requests', `${path}?${Array.from({ length: g(fc.integer, { min: 2, max: 2_000 }) }, () => 'types=ATTACK').join('&')}`);
      if (variant === 3) return checkExport('odd requests', `${path}?${'&'.repeat(g(fc.integer, { min: 1, max: 5_000 }))}limit=2`);
      return checkExport('odd requests', `${path}?place=${encodeLoosely(pick(g, malformedIds))}&person=${encodeLoosely(pick(g, malformedIds))}`);
    });
  }, 300_000);

  it('tried thousands of export URLs', () => {
    expect([...tried.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(Math.round(2_000 * scale));
  });
});
