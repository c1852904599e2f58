/**
 * `npm run report:duplicates -- [dataDir]` (formerly `eval:events`): how well one story becomes one event. Opens an embedded database that
 * holds an ingested corpus (by default a fresh temporary one, filled with the AFP corpus through the ingest
 * CLI's own path: read → extractDocument → toArticleFacts → storeArticleFacts, stories consolidated as the CLI
 * consolidates them) and prints how many events
 * there are, how many are reported by several articles, the biggest events, and an estimate of the stories
 * still split in several events: pairs of events of the same type, dated within two days of each other,
 * that share a place or a participant.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.js';
import { ingestDocument } from '../src/graph/ingest-article.js';
import { BatchConsolidation } from '../src/graph/story-consolidation.js';
import { listInputFiles, readDocumentFile } from '../src/ingest/formats/index.js';

const defaultCorpus = resolve(import.meta.dirname, '../../shared/datasets/afp-1997');

interface TopEvent {
  id: number;
  title: string;
  type: string;
  startsOn: string;
  precision: string;
  approximate: boolean;
  articles: number;
  places: string | null;
}

interface DuplicatePair {
  a: number;
  b: number;
  type: string;
  aTitle: string;
  bTitle: string;
  aOn: string;
  bOn: string;
  aArticles: number;
  bArticles: number;
  shared: string;
}

// The biggest stories of the corpus, found by the names its articles repeat most by day: each as its
// date range, the names (places, people, organisations) that mark it and the event types it is told as.
// `headlines` picks the articles of the story by their titles: a rough gold standard, to see how much of a
// story one STORY event holds and how much else it holds.
const stories: { name: string; from: string; to: string; names: string[]; headlines: RegExp; types: string[] }[] = [
  { name: 'Zaire: Kabila\'s rebels against Mobutu (April 1997)', from: '1997-04-01', to: '1997-04-30', names: ['zaire', 'kinshasa', 'lubumbashi', 'kisangani', 'mbuji mayi', 'laurent kabila', 'mobutu', 'mobutu sese seko'], headlines: /zaire|kabila|mobutu|kinshasa|lubumbashi|kisangani/i, types: ['MILITARY_OPERATION', 'ATTACK', 'NEGOTIATION', 'MEETING', 'PROTEST'] },
  { name: 'Albania: the multinational force (April 1997)', from: '1997-04-01', to: '1997-04-30', names: ['albania', 'tirana', 'vlore', 'durres', 'bashkim fino', 'sali berisha'], headlines: /albania|tirana|vlore|berisha/i, types: ['MILITARY_OPERATION', 'ATTACK', 'MEETING', 'NEGOTIATION'] },
  { name: 'Peru: the raid ending the Lima hostage crisis (22 April 1997)', from: '1997-04-20', to: '1997-04-26', names: ['peru', 'lima', 'mrta', 'alberto fujimori'], headlines: /peru|fujimori|lima|hostage/i, types: ['HOSTAGE_TAKING', 'MILITARY_OPERATION', 'ATTACK'] },
  { name: 'Israel and the Palestinians: Hebron clashes, Har Homa (April 1997)', from: '1997-04-01', to: '1997-04-30', names: ['hebron', 'jerusalem', 'gaza', 'west bank', 'benjamin netanyahu', 'yasser arafat'], headlines: /israel|palestin|hebron|netanyahu|arafat|west bank|jerusalem/i, types: ['ATTACK', 'PROTEST', 'NEGOTIATION', 'MEETING'] },
  { name: 'Iraq: the parliamentary election (15 December 2005)', from: '2005-12-10', to: '2005-12-20', names: ['iraq', 'baghdad'], headlines: /iraq/i, types: ['ELECTION'] },
  { name: 'Lebanon: Gibran Tueni killed by a car bomb in Beirut (12 December 2005)', from: '2005-12-10', to: '2005-12-16', names: ['beirut', 'lebanon', 'gibran tueni'], headlines: /tueni|lebanon|beirut/i, types: ['ATTACK'] },
  { name: 'EU budget summit in Brussels (15-17 December 2005)', from: '2005-12-12', to: '2005-12-19', names: ['brussels', 'eu', 'european union', 'tony blair'], headlines: /\bEU\b|budget|brussels|european union/i, types: ['MEETING', 'NEGOTIATION', 'AGREEMENT'] },
  { name: 'Saddam Hussein\'s trial (December 2005)', from: '2005-12-01', to: '2005-12-31', names: ['saddam hussein', 'saddam'], headlines: /saddam/i, types: ['TRIAL'] },
];

async function main(argv: string[]): Promise<void> {
  const given = argv.find((argument) => !argument.startsWith('--'));
  const corpusArgument = argv.find((argument) => argument.startsWith('--corpus='))?.slice('--corpus='.length);
  const dataDir = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'newsline-eval-events-'));
  const fresh = !given || !existsSync(join(dataDir, 'pglite'));
  const database = await openDatabase({ dataDir });
  const { prisma } = database;
  try {
    if (fresh || (await prisma.article.count()) === 0) {
      const files = await listInputFiles([corpusArgument ?? defaultCorpus]);
      const started = performance.now();
      let articles = 0;
      let failures = 0;
      // As the ingest CLI does: stories consolidated and statistics refreshed every 400 articles and at the end.
      const consolidation = new BatchConsolidation(prisma);
      for (const file of files) {
        for (const document of await readDocumentFile(file)) {
          try {
            await ingestDocument(prisma, document);
            articles += 1;
            if (await consolidation.stored(document.publishedAt)) await database.maintain();
          } catch (error) {
            failures += 1;
            process.stderr.write(`error: ${document.source}: ${error instanceof Error ? error.message : String(error)}\n`);
          }
        }
        if (articles % 500 === 0) process.stderr.write(`  ${articles}/${files.length}\n`);
      }
      if (await consolidation.finish()) await database.maintain();
      const seconds = (performance.now() - started) / 1000;
      console.log(`consolidation merged ${consolidation.merged} stories into others and ${consolidation.occasionsMerged} events into one their story told already`);
      console.log(`ingested ${articles} articles (${failures} failed) into ${dataDir} in ${seconds.toFixed(1)} s: ${(articles / seconds).toFixed(1)} articles/s`);
    } else {
      console.log(`reading ${dataDir}`);
    }
    await report(prisma);
  } finally {
    await database.close();
    if (!given) rmSync(dataDir, { recursive: true, force: true });
  }
}

type Prisma = Awaited<ReturnType<typeof openDatabase>>['prisma'];

async function report(prisma: Prisma): Promise<void> {
  const sql = async <Row>(query: string, ...params: unknown[]) => prisma.$queryRawUnsafe<Row[]>(query, ...params);
  // Article counts from the mentions themselves, so the numbers hold whatever the Event table caches.
  await prisma.$executeRawUnsafe(`CREATE TEMP TABLE IF NOT EXISTS eval_event_articles AS
    SELECT "eventId" AS id, count(DISTINCT "articleId")::int AS articles FROM "EventMention" GROUP BY "eventId"`);
  const [totals] = await sql<{ articles: number; events: number; two: number; five: number; ten: number; mentions: number }>(`
    SELECT (SELECT count(*)::int FROM "Article") AS articles, (SELECT count(*)::int FROM "Event") AS events,
           (SELECT count(*)::int FROM "EventMention") AS mentions,
           count(*) FILTER (WHERE articles >= 2)::int AS two, count(*) FILTER (WHERE articles >= 5)::int AS five,
           count(*) FILTER (WHERE articles >= 10)::int AS ten
    FROM eval_event_articles`);
  console.log(`\narticles ${totals!.articles}, events ${totals!.events} (stories included), event mentions ${totals!.mentions}`);
  console.log(`events reported by >=2 articles: ${totals!.two}, >=5: ${totals!.five}, >=10: ${totals!.ten}`);

  const placesOf = `(SELECT string_agg(DISTINCT p.name, ', ') FROM "EventPlace" ep JOIN "Place" p ON p.id = ep."placeId" WHERE ep."eventId" = e.id)`;
  const top = await sql<TopEvent>(`
    SELECT e.id, e.title, e.type::text AS type, to_char(e."startsOn", 'YYYY-MM-DD') AS "startsOn", e.precision::text AS precision, e.approximate,
           a.articles, ${placesOf} AS places
    FROM "Event" e JOIN eval_event_articles a ON a.id = e.id ORDER BY a.articles DESC, e.id LIMIT 20`);
  console.log('\ntop 20 events by articles:');
  for (const event of top) console.log(`  ${line(event)}`);

  // Likely split stories: same type, within two days, and a shared place or participant.
  const pairs = (specific: boolean, sameDay = false) => `
    WITH shared AS (
      SELECT a."eventId" AS a, b."eventId" AS b, p.name AS name FROM "EventPlace" a JOIN "EventPlace" b ON b."placeId" = a."placeId" AND b."eventId" > a."eventId"
        JOIN "Place" p ON p.id = a."placeId" ${specific ? `WHERE p.kind NOT IN ('COUNTRY', 'CONTINENT', 'REGION')` : ''}
      UNION ALL SELECT a."eventId", b."eventId", o.name FROM "EventOrganization" a JOIN "EventOrganization" b ON b."organizationId" = a."organizationId" AND b."eventId" > a."eventId"
        JOIN "Organization" o ON o.id = a."organizationId"
      UNION ALL SELECT a."eventId", b."eventId", p.name FROM "EventPerson" a JOIN "EventPerson" b ON b."personId" = a."personId" AND b."eventId" > a."eventId"
        JOIN "Person" p ON p.id = a."personId"
    )
    SELECT s.a, s.b, ea.type::text AS type, ea.title AS "aTitle", eb.title AS "bTitle",
           to_char(ea."startsOn", 'YYYY-MM-DD') AS "aOn", to_char(eb."startsOn", 'YYYY-MM-DD') AS "bOn",
           coalesce(xa.articles, 0) AS "aArticles", coalesce(xb.articles, 0) AS "bArticles", string_agg(DISTINCT s.name, ', ') AS shared
    FROM shared s JOIN "Event" ea ON ea.id = s.a JOIN "Event" eb ON eb.id = s.b
      LEFT JOIN eval_event_articles xa ON xa.id = s.a LEFT JOIN eval_event_articles xb ON xb.id = s.b
    WHERE ea.type = eb.type AND abs(ea."startsOn" - eb."startsOn") <= ${sameDay ? 0 : 2}${sameDay ? ` AND ea.type <> 'STORY'` : ''}
      -- Two events of one article are two events by construction; only pairs across articles count.
      AND NOT EXISTS (SELECT 1 FROM "EventMention" ma JOIN "EventMention" mb ON mb."articleId" = ma."articleId" WHERE ma."eventId" = s.a AND mb."eventId" = s.b)
    GROUP BY s.a, s.b, ea.type, ea.title, eb.title, ea."startsOn", eb."startsOn", xa.articles, xb.articles`;
  const anyShared = await sql<DuplicatePair>(pairs(false));
  const specificShared = await sql<DuplicatePair>(pairs(true));
  console.log(`\nlikely split stories (same type, dates within 2 days, different articles):`);
  console.log(`  pairs sharing a place or participant: ${anyShared.length}`);
  console.log(`  pairs sharing a city/specific place or a participant: ${specificShared.length}`);
  // The measure the duplicates target is stated in: events (stories aside) of one type on one day, reported by
  // different articles, that share a place or a participant.
  const sameDayShared = await sql<DuplicatePair>(pairs(false, true));
  const sameDaySpecific = await sql<DuplicatePair>(pairs(true, true));
  console.log(`  likely duplicates (same type, same day, stories aside): ${sameDayShared.length} sharing a place or participant, ${sameDaySpecific.length} sharing a specific place or participant`);
  const examples = [...specificShared].sort((x, y) => y.aArticles + y.bArticles - (x.aArticles + x.bArticles)).slice(0, 15);
  for (const pair of examples) {
    console.log(`  [${pair.type}] ${pair.aOn} "${pair.aTitle}" (${pair.aArticles}) ~ ${pair.bOn} "${pair.bTitle}" (${pair.bArticles}) via ${pair.shared}`);
  }

  const [storyTotals] = await sql<{ stories: number; articles: number; biggest: number }>(`
    SELECT count(*)::int AS stories, (SELECT count(DISTINCT m."articleId")::int FROM "EventMention" m JOIN "Event" s ON s.id = m."eventId" WHERE s.type = 'STORY') AS articles,
           coalesce(max(a.articles), 0)::int AS biggest
    FROM "Event" e JOIN eval_event_articles a ON a.id = e.id WHERE e.type = 'STORY'`);
  console.log(`\nstories ${storyTotals!.stories}, holding ${storyTotals!.articles} of ${totals!.articles} articles; the biggest has ${storyTotals!.biggest} articles`);
  const topStories = await sql<TopEvent & { endsOn: string; parts: number }>(`
    SELECT e.id, e.title, e.type::text AS type, to_char(e."startsOn", 'YYYY-MM-DD') AS "startsOn", to_char(e."endsOn", 'YYYY-MM-DD') AS "endsOn",
           e.precision::text AS precision, e.approximate, a.articles, (SELECT count(*)::int FROM "EventRelation" r WHERE r."toEventId" = e.id AND r.kind = 'PART_OF') AS parts
    FROM "Event" e JOIN eval_event_articles a ON a.id = e.id WHERE e.type = 'STORY' ORDER BY a.articles DESC, e.id LIMIT 25`);
  console.log('top 25 stories by articles:');
  for (const story of topStories) console.log(`  ${String(story.articles).padStart(3)} articles, ${String(story.parts).padStart(3)} parts  ${story.startsOn} to ${story.endsOn}  ${story.title}`);

  console.log('\nthe big stories:');
  let goldArticles = 0;
  let heldByBest = 0;
  let bestSizes = 0;
  for (const story of stories) {
    const gold = (await sql<{ id: number; title: string | null }>(`SELECT id, title FROM "Article" WHERE "publishedOn" BETWEEN $1::date AND $2::date`, story.from, story.to))
      .filter((article) => article.title !== null && story.headlines.test(article.title))
      .map((article) => article.id);
    const storyEvents = await sql<{ id: number; title: string; articles: number[] }>(
      `SELECT e.id, e.title, array_agg(DISTINCT m."articleId") AS articles FROM "Event" e JOIN "EventMention" m ON m."eventId" = e.id
       WHERE e.type = 'STORY' GROUP BY e.id, e.title`,
    );
    const inGold = (ids: number[]) => ids.filter((id) => gold.includes(id)).length;
    const best = storyEvents.sort((a, b) => inGold(b.articles) - inGold(a.articles))[0];
    const held = best ? inGold(best.articles) : 0;
    goldArticles += gold.length;
    heldByBest += held;
    bestSizes += best && held > 0 ? best.articles.length : 0;
    console.log(
      `  ${story.name}: ${gold.length} articles by headline; ` +
        (best && held > 0 ? `the story holding most of them ("${best.title}") holds ${held} of its ${best.articles.length}` : 'no story holds any'),
    );
    const events = await sql<TopEvent>(
      `SELECT e.id, e.title, e.type::text AS type, to_char(e."startsOn", 'YYYY-MM-DD') AS "startsOn", e.precision::text AS precision, e.approximate,
              a.articles, ${placesOf} AS places
       FROM "Event" e JOIN eval_event_articles a ON a.id = e.id
       WHERE e."startsOn" BETWEEN $1::date AND $2::date AND e.type::text = ANY($3::text[])
         AND (EXISTS (SELECT 1 FROM "EventPlace" l JOIN "PlaceAlias" n ON n."placeId" = l."placeId" WHERE l."eventId" = e.id AND n.key = ANY($4::text[]))
           OR EXISTS (SELECT 1 FROM "EventPerson" l JOIN "PersonAlias" n ON n."personId" = l."personId" WHERE l."eventId" = e.id AND n.key = ANY($4::text[]))
           OR EXISTS (SELECT 1 FROM "EventOrganization" l JOIN "OrganizationAlias" n ON n."organizationId" = l."organizationId" WHERE l."eventId" = e.id AND n.key = ANY($4::text[])))
       ORDER BY a.articles DESC, e.id`,
      story.from,
      story.to,
      [...story.types, 'STORY'],
      story.names,
    );
    const reporting = events.reduce((sum, event) => sum + event.articles, 0);
    console.log(`  ${story.name}: ${events.length} events, ${events.filter((event) => event.articles >= 2).length} with >=2 articles, ${reporting} event-article links`);
    for (const event of events.slice(0, 5)) console.log(`    ${line(event)}`);
  }
  console.log(
    `\nbig stories by headline: ${heldByBest} of ${goldArticles} articles (${((100 * heldByBest) / Math.max(1, goldArticles)).toFixed(0)}%) in the story that holds most of each; ` +
      `those stories hold ${bestSizes} articles, ${((100 * heldByBest) / Math.max(1, bestSizes)).toFixed(0)}% of them the story's by headline`,
  );
}

function line(event: TopEvent): string {
  const date = `${event.startsOn}${event.precision === 'DAY' ? '' : ` (${event.precision.toLowerCase()})`}${event.approximate ? ' ~' : ''}`;
  return `${String(event.articles).padStart(3)} articles  ${date}  [${event.type}] ${event.title}${event.places ? ` @ ${event.places}` : ''}`;
}

await main(process.argv.slice(2));
