/**
 * `npm run -s eval:events [-- --verbose] [--json] [--no-merge] [--corpus=DIR]` scores the project's event extraction
 * and cross-article merging against the hand-labelled event gold (eval/events/, see its GUIDELINE.md).
 *
 * Extraction: every gold article goes through the ingest CLI's path (read → extractDocument → toArticleFacts), in
 * process, with no database. Per article, system events (STORY excluded: the gold labels none) are matched one-to-one
 * with gold events whose trigger spans their mentions overlap, at four stacked levels: span, + type, + day-level date,
 * + place. The headline is the full level.
 * Merging: the gold articles are ingested into a fresh in-memory PGlite database through ingestDocument and story
 * consolidation, as the ingest CLI does; each gold mention goes to the stored event whose mention covers it, and B³ and
 * MUC are computed over the gold clusters.
 * Progress goes to stderr; the tables (or, with --json, one JSON document) to stdout.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.js';
import { ingestDocument } from '../src/graph/ingest-article.js';
import { contentHash } from '../src/graph/store-article.js';
import { BatchConsolidation } from '../src/graph/story-consolidation.js';
import { toArticleFacts } from '../src/ingest/extract/article-facts.js';
import { extractDocument } from '../src/ingest/extract/document.js';
import { readDocumentFile, type SourceDocument } from '../src/ingest/formats/index.js';
import { defaultCorpusDir, readGold, seedTextFile, type GoldArticle, type GoldEvent, type Split } from '../eval/events/gold-format.js';
import {
  LEVELS,
  addCounts,
  bCubed,
  datesAgree,
  matchForDiagnosis,
  matchOneToOne,
  muc,
  overlapLength,
  overlapOf,
  placesAgree,
  score,
  type ClusterItem,
  type Counts,
  type Level,
  type Score,
  type SystemEvent,
} from '../eval/events/scoring.js';

const USAGE = 'usage: npm run -s eval:events [-- --verbose] [--json] [--no-merge] [--corpus=DIR]';
const SPLITS = ['all', 'tuning', 'heldout'] as const;
type SplitName = (typeof SPLITS)[number];

interface Options {
  verbose: boolean;
  json: boolean;
  merge: boolean;
  corpus: string;
}

function parseOptions(argv: string[]): Options | string {
  const known = new Set(['--verbose', '--json', '--no-merge']);
  const unknown = argv.filter((argument) => !known.has(argument) && !argument.startsWith('--corpus='));
  if (unknown.length) return `unknown argument ${unknown.join(' ')}`;
  const corpus = argv.find((argument) => argument.startsWith('--corpus='))?.slice('--corpus='.length);
  return { verbose: argv.includes('--verbose'), json: argv.includes('--json'), merge: !argv.includes('--no-merge'), corpus: resolve(corpus ?? defaultCorpusDir) };
}

interface LoadedArticle {
  gold: GoldArticle;
  document: SourceDocument;
}

/** Reads each gold article with the project's reader and refuses to score offsets into a text that changed. */
async function loadArticles(corpus: string): Promise<LoadedArticle[]> {
  const loaded: LoadedArticle[] = [];
  for (const gold of readGold()) {
    const path = gold.corpus === 'seed' ? seedTextFile : join(corpus, gold.file);
    const [document] = await readDocumentFile(path);
    const sha1 = createHash('sha1').update(document?.text ?? '').digest('hex');
    if (!document || sha1 !== gold.textSha1)
      throw new Error(`${path}: the text the reader gives is not the text the gold was labelled on (sha1 ${sha1}, gold ${gold.textSha1}); rebuild the gold with eval/events/build-gold.ts only if the reader's change is intended, then re-check the labels`);
    loaded.push({ gold, document });
  }
  return loaded;
}

/** The system's events for one document, through the same path as `npm run ingest`. */
export function systemEventsOf(document: SourceDocument): SystemEvent[] {
  const extracted = extractDocument(document);
  const facts = toArticleFacts(extracted);
  const placeNames = new Map(facts.places.map((place) => [place.key, [place.name, ...(place.aliases ?? [])]]));
  // toArticleFacts keeps the extractor's order, so facts.events[i] is extracted.events[i] and has its trigger.
  return facts.events.flatMap((event, index) =>
    event.type === 'STORY'
      ? []
      : [{
        id: index,
        type: event.type,
        title: event.title,
        date: { startsOn: event.date.startsOn, endsOn: event.date.endsOn, precision: event.date.precision },
        ...(extracted.events[index] ? { trigger: { start: extracted.events[index].trigger.start, end: extracted.events[index].trigger.end } } : {}),
        mentions: event.mentions.map((mention) => ({ start: mention.start, end: mention.end })),
        placeNames: (event.places ?? []).flatMap((link) => (placeNames.has(link.place) ? [placeNames.get(link.place)!] : [])),
      }],
  );
}

// 'shared': a system event overlaps the gold event but was paired with another gold event of the same sentence.
type Diagnosis = 'correct' | 'missed' | 'shared' | 'type' | 'date' | 'place';

interface ArticleResult {
  file: string;
  split: Split;
  counts: Record<Level, Counts>;
  /** The same, with background gold events and the system events on them left out. */
  current: Counts;
  /** Per gold event, what went wrong with the system event the diagnosis matching paired it with. */
  diagnoses: { gold: GoldEvent; diagnosis: Diagnosis; system?: SystemEvent }[];
  spurious: SystemEvent[];
}

function diagnose(gold: GoldEvent, system: SystemEvent | undefined): Diagnosis {
  if (!system) return 'missed';
  if (system.type !== gold.type) return 'type';
  if (!datesAgree({ ...gold.date, ...(gold.undated ? { undated: true } : {}) }, system.date)) return 'date';
  if (!placesAgree(gold, system)) return 'place';
  return 'correct';
}

function scoreArticle(gold: GoldArticle, systems: SystemEvent[]): ArticleResult {
  const counts = {} as Record<Level, Counts>;
  for (const level of LEVELS) counts[level] = { gold: gold.events.length, system: systems.length, matched: matchOneToOne(gold.events, systems, level).length };
  const spanPairs = matchForDiagnosis(gold.events, systems);
  const systemOf = new Map(spanPairs.map((pair) => [pair.gold, systems[pair.system]!]));
  const matchedSystems = new Set(spanPairs.map((pair) => pair.system));
  // Background events: the system has no such flag, so they are scored as any other; this row shows the rest alone.
  const foreground = gold.events.filter((event) => !event.background);
  const onBackground = new Set(spanPairs.filter((pair) => gold.events[pair.gold]!.background).map((pair) => pair.system));
  const foregroundSystems = systems.filter((_, index) => !onBackground.has(index));
  const current = { gold: foreground.length, system: foregroundSystems.length, matched: matchOneToOne(foreground, foregroundSystems, 'place').length };
  return {
    file: gold.file,
    split: gold.split,
    counts,
    current,
    diagnoses: gold.events.map((event, index) => {
      const system = systemOf.get(index);
      const overlapped = !system && systems.some((candidate) => overlapOf(candidate, event).chars > 0);
      return { gold: event, diagnosis: overlapped ? 'shared' : diagnose(event, system), ...(system ? { system } : {}) };
    }),
    spurious: systems.filter((_, index) => !matchedSystems.has(index)),
  };
}

function inSplit(split: SplitName, article: { split: Split }): boolean {
  return split === 'all' || article.split === split;
}

function totals(results: ArticleResult[], split: SplitName): { levels: Record<Level, Score>; current: Score; articles: number } {
  const chosen = results.filter((result) => inSplit(split, result));
  const zero = { gold: 0, system: 0, matched: 0 };
  const levels = {} as Record<Level, Score>;
  for (const level of LEVELS) levels[level] = score(chosen.reduce((sum, result) => addCounts(sum, result.counts[level]), zero));
  return { levels, current: score(chosen.reduce((sum, result) => addCounts(sum, result.current), zero)), articles: chosen.length };
}

interface MergeResult {
  split: SplitName;
  items: number;
  goldClusters: number;
  multiArticleClusters: number;
  mapped: number;
  bcubed: ReturnType<typeof bCubed>;
  muc: ReturnType<typeof muc>;
  mentionBcubed: ReturnType<typeof bCubed>;
  /** B³ of a system that merges nothing: most gold clusters are one article's, so this is the floor to beat. */
  nothingMerged: ReturnType<typeof bCubed>;
  /** B³ over the items of gold clusters told by several articles only: the merging the product is for. */
  multiArticle: ReturnType<typeof bCubed>;
}

interface StoredMention {
  articleHash: string;
  eventId: number;
  type: string;
  start: number;
  end: number;
}

/** Ingests the gold articles into a fresh in-memory database and reads back every non-STORY event mention. */
async function ingestAndRead(articles: LoadedArticle[]): Promise<StoredMention[]> {
  // An in-memory PGlite, never DATABASE_URL: the scorer must not write into anyone's database.
  const database = await openDatabase({});
  try {
    const consolidation = new BatchConsolidation(database.prisma);
    const ordered = [...articles].sort((a, b) => a.gold.file.localeCompare(b.gold.file));
    for (const [index, article] of ordered.entries()) {
      await ingestDocument(database.prisma, article.document);
      if (await consolidation.stored(article.document.publishedAt)) await database.maintain();
      progress(`ingest ${index + 1}/${ordered.length}`);
    }
    if (await consolidation.finish()) await database.maintain();
    return await database.prisma.$queryRawUnsafe<StoredMention[]>(`
      SELECT a."contentHash" AS "articleHash", m."eventId" AS "eventId", e.type::text AS type, m.start, m."end"
      FROM "EventMention" m JOIN "Event" e ON e.id = m."eventId" JOIN "Article" a ON a.id = m."articleId"
      WHERE e.type <> 'STORY'`);
  } finally {
    await database.close();
  }
}

/**
 * The stored event a gold mention landed in: among stored mentions of the same article that overlap it, the one of
 * the gold's type first, then the largest overlap, then the shortest mention, then the lowest event id.
 */
function storedEventOf(mention: { start: number; end: number }, type: string, stored: StoredMention[]): number | undefined {
  const candidates = stored
    .map((row) => ({ row, overlap: overlapLength(row, mention) }))
    .filter((candidate) => candidate.overlap > 0)
    .sort((a, b) => Number(b.row.type === type) - Number(a.row.type === type) || b.overlap - a.overlap || a.row.end - a.row.start - (b.row.end - b.row.start) || a.row.eventId - b.row.eventId);
  return candidates[0]?.row.eventId;
}

interface MergeItem extends ClusterItem {
  split: Split;
  article: string;
}

/**
 * Items to cluster. Headline: one item per gold event per article (its cross-article identity), whose system cluster
 * is the stored event most of its mentions landed in. A gold item the system missed is a singleton of its own.
 */
function mergeItems(articles: LoadedArticle[], stored: StoredMention[]): { events: MergeItem[]; mentions: MergeItem[] } {
  const byArticle = new Map<string, StoredMention[]>();
  for (const row of stored) byArticle.set(row.articleHash, [...(byArticle.get(row.articleHash) ?? []), row]);
  const events: MergeItem[] = [];
  const mentions: MergeItem[] = [];
  for (const { gold, document } of articles) {
    const rows = byArticle.get(contentHash(document.text)) ?? [];
    for (const event of gold.events) {
      const landed = event.mentions.map((mention, index) => {
        const id = storedEventOf(mention, event.type, rows);
        return id === undefined ? `missed:${gold.file}:${event.key}:${index}` : `event:${id}`;
      });
      landed.forEach((system) => mentions.push({ gold: event.cluster, system, split: gold.split, article: gold.file }));
      events.push({ gold: event.cluster, system: majority(landed) ?? `missed:${gold.file}:${event.key}`, split: gold.split, article: gold.file });
    }
  }
  return { events, mentions };
}

function majority(labels: string[]): string | undefined {
  const found = labels.filter((label) => label.startsWith('event:'));
  const counts = new Map<string, number>();
  for (const label of found) counts.set(label, (counts.get(label) ?? 0) + 1);
  // Ties go to the label met first, so the result does not depend on map order.
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || found.indexOf(a[0]) - found.indexOf(b[0]))[0]?.[0];
}

function mergeScores(items: { events: MergeItem[]; mentions: MergeItem[] }, split: SplitName): MergeResult {
  const events = items.events.filter((item) => inSplit(split, item));
  const mentions = items.mentions.filter((item) => inSplit(split, item));
  const articlesOf = new Map<string, Set<string>>();
  for (const item of events) articlesOf.set(item.gold, (articlesOf.get(item.gold) ?? new Set()).add(item.article));
  return {
    split,
    items: events.length,
    goldClusters: articlesOf.size,
    multiArticleClusters: [...articlesOf.values()].filter((articles) => articles.size > 1).length,
    mapped: events.filter((item) => item.system.startsWith('event:')).length,
    bcubed: bCubed(events),
    muc: muc(events),
    mentionBcubed: bCubed(mentions),
    nothingMerged: bCubed(events.map((item, index) => ({ gold: item.gold, system: `alone:${index}` }))),
    multiArticle: bCubed(events.filter((item) => articlesOf.get(item.gold)!.size > 1)),
  };
}

let lastProgress = 0;
function progress(line: string): void {
  // One line per second at most when not on a terminal, so logs stay short.
  if (process.stderr.isTTY) process.stderr.write(`\r${line}   `);
  else if (performance.now() - lastProgress > 1000) {
    process.stderr.write(`${line}\n`);
    lastProgress = performance.now();
  }
}

const percent = (value: number) => (100 * value).toFixed(1).padStart(5);
const levelLabel: Record<Level, string> = { span: '(a) span overlap', type: '(b) + type', date: '(c) + day-level date', place: '(d) + place  [headline]' };

function printExtraction(results: ArticleResult[]): void {
  const bySplit = SPLITS.map((split) => ({ split, ...totals(results, split) }));
  console.log('\nEvent extraction: P / R / F1 in %, (matched / system / gold)');
  console.log(`${''.padEnd(28)}${bySplit.map((entry) => `${entry.split} (${entry.articles} articles)`.padEnd(36)).join('')}`);
  const row = (label: string, pick: (entry: (typeof bySplit)[number]) => Score) =>
    console.log(`${label.padEnd(28)}${bySplit.map((entry) => { const s = pick(entry); return `${percent(s.precision)} ${percent(s.recall)} ${percent(s.f1)} (${s.matched}/${s.system}/${s.gold})`.padEnd(36); }).join('')}`);
  for (const level of LEVELS) row(levelLabel[level], (entry) => entry.levels[level]);
  row('(d) without background', (entry) => entry.current);
}

function printMerging(merges: MergeResult[]): void {
  console.log('\nCross-article merging over gold clusters: P / R / F1 in %');
  for (const merge of merges) {
    console.log(
      `  ${merge.split.padEnd(8)} B3 ${percent(merge.bcubed.precision)} ${percent(merge.bcubed.recall)} ${percent(merge.bcubed.f1)}   ` +
        `MUC ${percent(merge.muc.precision)} ${percent(merge.muc.recall)} ${percent(merge.muc.f1)}   ` +
        `mention-level B3 F1 ${percent(merge.mentionBcubed.f1)}   ` +
        `(${merge.items} article-events in ${merge.goldClusters} gold clusters, ${merge.multiArticleClusters} of them in several articles; ${merge.mapped} landed in a stored event)`,
    );
    console.log(
      `  ${''.padEnd(8)} B3 on multi-article clusters only ${percent(merge.multiArticle.precision)} ${percent(merge.multiArticle.recall)} ${percent(merge.multiArticle.f1)}   ` +
        `B3 F1 if nothing were merged ${percent(merge.nothingMerged.f1)}`,
    );
  }
}

/** With --verbose: where each multi-article gold cluster landed, and which stored events hold several gold clusters. */
function printMergeDetails(items: MergeItem[]): void {
  const byGold = new Map<string, MergeItem[]>();
  for (const item of items) byGold.set(item.gold, [...(byGold.get(item.gold) ?? []), item]);
  console.log('\nMerging, gold clusters told by several articles (where their article-events landed):');
  for (const [cluster, members] of [...byGold.entries()].filter(([, members]) => new Set(members.map((member) => member.article)).size > 1).sort((a, b) => b[1].length - a[1].length)) {
    const landed = new Map<string, number>();
    for (const member of members) {
      const key = member.system.startsWith('missed:') ? 'nowhere' : member.system;
      landed.set(key, (landed.get(key) ?? 0) + 1);
    }
    console.log(`  ${cluster}: ${members.length} articles → ${[...landed.entries()].map(([key, count]) => `${key} ×${count}`).join(', ')}`);
  }
  const bySystem = new Map<string, MergeItem[]>();
  for (const item of items) if (item.system.startsWith('event:')) bySystem.set(item.system, [...(bySystem.get(item.system) ?? []), item]);
  const conflated = [...bySystem.entries()].filter(([, members]) => new Set(members.map((member) => member.gold)).size > 1);
  // Within one article the extractor joined them; across articles, storing did.
  const acrossArticles = conflated.filter(([, members]) => new Set(members.map((member) => member.article)).size > 1).length;
  console.log(`Stored events holding several gold clusters: ${conflated.length} (${conflated.length - acrossArticles} joined within one article, ${acrossArticles} across articles)`);
  for (const [system, members] of conflated) {
    const articles = new Set(members.map((member) => member.article)).size;
    console.log(`  ${system} (${articles === 1 ? 'one article' : `${articles} articles`}): ${[...new Set(members.map((member) => member.gold))].join(', ')}`);
  }
}

function errorSummary(results: ArticleResult[]): { diagnoses: Record<Diagnosis, number>; missedBackground: number; spurious: number; byType: [string, number, number][]; confusions: [string, number][]; spuriousByType: [string, number][]; missedByType: [string, number][]; dateErrors: [string, number][] } {
  const diagnoses: Record<Diagnosis, number> = { correct: 0, missed: 0, shared: 0, type: 0, date: 0, place: 0 };
  const tally = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const confusions = new Map<string, number>();
  const spuriousByType = new Map<string, number>();
  const missedByType = new Map<string, number>();
  const dateErrors = new Map<string, number>();
  let spurious = 0;
  let missedBackground = 0;
  for (const result of results) {
    for (const { gold, diagnosis, system } of result.diagnoses) {
      diagnoses[diagnosis] += 1;
      if ((diagnosis === 'missed' || diagnosis === 'shared') && gold.background) missedBackground += 1;
      if (diagnosis === 'type') tally(confusions, `${gold.type} → ${system!.type}`);
      if (diagnosis === 'missed' || diagnosis === 'shared') tally(missedByType, gold.type);
      if (diagnosis === 'date') tally(dateErrors, gold.background ? 'background event dated near the report' : gold.date.startsOn === gold.date.endsOn ? 'wrong day' : 'outside the gold range');
    }
    spurious += result.spurious.length;
    for (const system of result.spurious) tally(spuriousByType, system.type);
  }
  const perType = new Map<string, [number, number]>();
  for (const result of results)
    for (const { gold, diagnosis } of result.diagnoses) {
      const [right, all] = perType.get(gold.type) ?? [0, 0];
      perType.set(gold.type, [right + (diagnosis === 'correct' ? 1 : 0), all + 1]);
    }
  const byType = [...perType.entries()].map(([type, [right, all]]) => [type, right, all] as [string, number, number]).sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0]));
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { diagnoses, missedBackground, spurious, byType, confusions: sorted(confusions), spuriousByType: sorted(spuriousByType), missedByType: sorted(missedByType), dateErrors: sorted(dateErrors) };
}

function printErrors(results: ArticleResult[]): void {
  const summary = errorSummary(results);
  const list = (entries: [string, number][]) => entries.slice(0, 8).map(([key, count]) => `${key} ${count}`).join(', ') || 'none';
  console.log('\nErrors, all articles (each gold event against the overlapping system event it agrees with most, one-to-one; "right" can differ slightly from (d), which is matched afresh):');
  console.log(`  gold events: ${summary.diagnoses.correct} right, ${summary.diagnoses.missed + summary.diagnoses.shared} missed (${summary.diagnoses.missed} with no system event over them, ${summary.diagnoses.shared} whose sentence's system event went to another gold event), ${summary.diagnoses.type} wrong type, ${summary.diagnoses.date} right type but wrong date, ${summary.diagnoses.place} right type and date but wrong place`);
  console.log(`  missed, by gold type: ${list(summary.missedByType)}; of them background: ${summary.missedBackground}`);
  console.log(`  type confusions (gold → system): ${list(summary.confusions)}`);
  console.log(`  date errors: ${list(summary.dateErrors)}`);
  console.log(`  spurious system events (overlapping no gold event): ${summary.spurious}, by type: ${list(summary.spuriousByType)}`);
  console.log(`  right / gold by gold type: ${summary.byType.map(([type, right, all]) => `${type} ${right}/${all}`).join(', ')}`);
}

function describeGold(event: GoldEvent): string {
  const date = event.undated ? 'undated' : `${event.date.startsOn}${event.date.endsOn !== event.date.startsOn ? `..${event.date.endsOn}` : ''}`;
  const places = event.places.filter((place) => place.role === 'LOCATION').map((place) => place.name).join('/') || '-';
  return `[${event.type} ${date} @ ${places}] "${event.mentions.map((mention) => mention.text).join('", "')}" (${event.cluster})`;
}

function describeSystem(system: SystemEvent, text: string): string {
  const date = `${system.date.startsOn}${system.date.endsOn !== system.date.startsOn ? `..${system.date.endsOn}` : ''}${system.date.precision === 'DAY' ? '' : ` ${system.date.precision}`}`;
  const trigger = system.trigger ? text.slice(system.trigger.start, system.trigger.end) : '?';
  return `[${system.type} ${date} @ ${system.placeNames.map((names) => names[0]).join('/') || '-'}] trigger "${trigger}" (${system.title})`;
}

function printVerbose(results: ArticleResult[], articles: LoadedArticle[]): void {
  const textOf = new Map(articles.map((article) => [article.gold.file, article.document.text]));
  for (const result of results) {
    const wrong = result.diagnoses.filter((entry) => entry.diagnosis !== 'correct');
    if (!wrong.length && !result.spurious.length) continue;
    const text = textOf.get(result.file)!;
    console.log(`\n${result.file} (${result.split}): ${result.counts.place.matched}/${result.counts.place.gold} gold events right, ${result.counts.place.system} system events`);
    for (const entry of wrong) {
      const label = entry.diagnosis === 'missed' ? 'MISSED' : entry.diagnosis === 'shared' ? 'MISSED (its sentence went to another)' : `WRONG ${entry.diagnosis.toUpperCase()}`;
      console.log(`  ${label}  gold ${describeGold(entry.gold)}`);
      if (entry.system) console.log(`  ${''.padEnd(12)}system ${describeSystem(entry.system, text)}`);
    }
    for (const system of result.spurious) console.log(`  SPURIOUS    system ${describeSystem(system, text)}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  const articles = await loadArticles(options.corpus);
  const results: ArticleResult[] = [];
  for (const [index, article] of articles.entries()) {
    results.push(scoreArticle(article.gold, systemEventsOf(article.document)));
    progress(`extract ${index + 1}/${articles.length}`);
  }
  let mergeResults: MergeResult[] | undefined;
  let items: { events: MergeItem[]; mentions: MergeItem[] } | undefined;
  if (options.merge) {
    items = mergeItems(articles, await ingestAndRead(articles));
    mergeResults = SPLITS.map((split) => mergeScores(items!, split));
  }
  if (process.stderr.isTTY) process.stderr.write('\n');

  const headline = totals(results, 'all').levels.place;
  if (options.json) {
    console.log(JSON.stringify({
      extraction: Object.fromEntries(SPLITS.map((split) => [split, totals(results, split)])),
      merging: mergeResults ?? null,
      errors: errorSummary(results),
      articles: results.map((result) => ({
        file: result.file,
        split: result.split,
        counts: result.counts,
        diagnoses: result.diagnoses.map((entry) => ({ cluster: entry.gold.cluster, key: entry.gold.key, diagnosis: entry.diagnosis, system: entry.system ?? null })),
        spurious: result.spurious,
      })),
    }, null, 1));
  } else {
    if (options.verbose) printVerbose(results, articles);
    if (options.verbose && items) printMergeDetails(items.events);
    printExtraction(results);
    if (mergeResults) printMerging(mergeResults);
    printErrors(results);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const merged = mergeResults ? `, merging B3 F1 ${percent(mergeResults[0]!.bcubed.f1).trim()}%` : '';
  process.stderr.write(`eval:events: ${articles.length} articles, ${headline.gold} gold events; extraction (d) P ${percent(headline.precision).trim()}% R ${percent(headline.recall).trim()}% F1 ${percent(headline.f1).trim()}%${merged}; ${seconds} s\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`eval:events: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  });
}
