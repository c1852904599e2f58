/**
 * `npm run -s report:week -- <dataDir> [--from YYYY-MM-DD]`: what a user of an ingested corpus sees when asking for one
 * week: the events dated before 1995 that are still news, the buckets of the week's day and week timelines (and
 * those that fall outside the week without `datesLessPreciseThanGrouping`), and the day the week's TimelineJS export
 * opens on. Background events are counted apart. By default the week is Monday 7 to Sunday 13 April 1997 (AFP).
 */
import { resolve } from 'node:path';
import { openDatabase } from '../src/db/database.js';
import { createServer } from '../src/server.js';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: npm run -s report:week -- <dataDir> [--from YYYY-MM-DD]');
  process.exit(2);
}
const fromArgument = process.argv.indexOf('--from');
const from = fromArgument > 0 ? process.argv[fromArgument + 1]! : '1997-04-07';
if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new Error(`--from takes a day, YYYY-MM-DD, not "${from}"`);
const to = new Date(Date.parse(`${from}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);

const database = await openDatabase({ dataDir: resolve(dataDir) });
const { prisma } = database;
const server = createServer(prisma);

const events = await prisma.event.groupBy({ by: ['background'], where: { type: { not: 'STORY' } }, _count: true });
const old = await prisma.event.groupBy({ by: ['background'], where: { type: { not: 'STORY' }, startsOn: { lt: new Date('1995-01-01T00:00:00Z') } }, _count: true });
const count = (rows: { background: boolean; _count: number }[], background: boolean) => rows.find((row) => row.background === background)?._count ?? 0;
console.log(`events (stories aside): ${count(events, false)} news, ${count(events, true)} background`);
console.log(`dated before 1995: ${count(old, false)} news, ${count(old, true)} background`);

async function graphql(query: string, variables: Record<string, unknown>) {
  const response = await server.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: any; errors?: unknown };
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

for (const background of ['EXCLUDE', 'INCLUDE'] as const) {
  for (const groupBy of ['DAY', 'WEEK'] as const) {
    const data = await graphql(
      `query ($filter: EventFilter, $groupBy: TimelineGrouping) {
        timeline(first: 100, groupBy: $groupBy, filter: $filter) { edges { node { period start end datesLessPreciseThanGrouping eventCount } } }
      }`,
      { filter: { from, to, background }, groupBy },
    );
    const buckets: { period: string; start: string; end: string; datesLessPreciseThanGrouping: boolean; eventCount: number }[] = data.timeline.edges.map((edge: any) => edge.node);
    const outside = buckets.filter((bucket) => (bucket.start < from || bucket.end > to) && !bucket.datesLessPreciseThanGrouping && groupBy === 'DAY');
    const outsideWeek = buckets.filter((bucket) => groupBy === 'WEEK' && bucket.start !== from && !bucket.datesLessPreciseThanGrouping);
    const strays = groupBy === 'DAY' ? outside : outsideWeek;
    console.log(
      `${groupBy} timeline ${from}..${to}, background ${background}: ${buckets.length} buckets (${buckets.filter((bucket) => bucket.datesLessPreciseThanGrouping).length} less precise than the grouping), ` +
        `${strays.length} outside the week and as precise: ${strays.map((bucket) => bucket.period).join(', ') || 'none'}; ` +
        `first ${buckets[0]?.period ?? '-'}`,
    );
  }
  const exported = await server.fetch(`http://localhost/export/timelinejs.json?from=${from}&to=${to}&background=${background.toLowerCase()}&limit=5000`);
  const file = (await exported.json()) as { events: { start_date: { year: number; month?: number; day?: number } }[] };
  const pad = (value: number | undefined) => String(value ?? 1).padStart(2, '0');
  const starts = file.events.map((event) => `${String(event.start_date.year).padStart(4, '0')}-${pad(event.start_date.month)}-${pad(event.start_date.day)}`).sort();
  console.log(`TimelineJS export of the week, background ${background}: ${file.events.length} events, opens on ${starts[0] ?? '-'}`);
}
await database.close();
