// Story consolidation: one situation told over weeks is often founded as several stories, because its
// reports are linked only to reports of the last few days, and a week's reports can share no one but the
// names every report of it repeats. Two stories whose reports, taken together, repeat the same rare names
// and the same rare words, and that follow each other within ten days, are one story: the smaller
// is merged into the larger, as a curator would merge them, and the merge is recorded with its reason so a
// curator can split it again.
import type { PrismaClient } from '../db/generated/prisma/client.js';
import type { EventType } from '../db/generated/prisma/enums.js';
import { compatibleEventTypes } from './same-event.js';
import { mergeEntitiesIn } from './merge.js';
import { holdStoreLock } from './store-article.js';
import { contextWeight, storyTitle } from './stories.js';

/** A story as consolidation sees it: its dates and the articles that report it. */
export interface StoryReports {
  id: number;
  startsOn: string;
  endsOn: string;
  articles: number[];
}

/** What consolidation knows of the articles: the names and words of each, and how many articles use each. */
export interface ReportVocabulary {
  /** For each article, its context keys ("p12", "o7", "l3") and story terms ("w:rebel"). */
  keysOf: ReadonlyMap<number, readonly string[]>;
  /** How many stored articles use each key. */
  articlesUsing: ReadonlyMap<string, number>;
  articleCount: number;
}

export interface StoryMerge {
  survivor: number;
  merged: number;
  /** The likeness of the two stories' names and of their words, 0 to 1. */
  names: number;
  words: number;
}

// Two stories are one when the likeness of their names and that of their words each reach `storyLikeness`
// and together reach `storyLikenessSum`. Set on the AFP corpus with `npm run report:duplicates`: the Zaire stories
// of April 1997 score 0.46 to 0.53 on each, the two halves of India's coalition crisis 0.40 and 0.35;
// stories of one week that share a theme only (two mine disasters: 0.24 and 0.50) fall short on names,
// and two stories of one country (China and human rights, China and the United States: 0.32 and 0.30) on both.
const storyLikeness = 0.3;
const storyLikenessSum = 0.68;

// How many days a story may go quiet between its reports and still be one story. An article is compared with
// the reports of five days around it; two stories are compared by all their reports, which tells more, and
// bridges a week without news (the EU budget summit's two weeks, the Litvinenko poisoning's).
const storyQuietDays = 10;

type Profile = Map<string, number>;

/**
 * A story's profile: for each name or word, the share of its reports that use it, times how rare it is
 * (the log of the articles per article using it), so that "Kabila" counts and "president" barely does.
 */
function profileOf(articles: readonly number[], vocabulary: ReportVocabulary, words: boolean): Profile {
  const profile: Profile = new Map();
  for (const article of articles) {
    for (const key of vocabulary.keysOf.get(article) ?? []) {
      if (key.startsWith('w:') !== words) continue;
      profile.set(key, (profile.get(key) ?? 0) + 1 / articles.length);
    }
  }
  for (const [key, share] of profile) {
    const using = Math.max(1, vocabulary.articlesUsing.get(key) ?? 1);
    profile.set(key, share * Math.log(Math.max(vocabulary.articleCount, using) / using));
  }
  return profile;
}

/** The cosine of two profiles: 1 when they weigh the same names alike, 0 when they share none. */
export function likeness(a: Profile, b: Profile): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [key, weight] of a) {
    normA += weight * weight;
    const other = b.get(key);
    if (other !== undefined) dot += weight * other;
  }
  for (const weight of b.values()) normB += weight * weight;
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}

function dayNumber(day: string): number {
  return Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 86_400_000;
}

/**
 * The merges that make one story of each group of stories told alike: the most alike pair first, its
 * profile recomputed from all the reports of both before the next pair is weighed, until no pair is alike
 * enough. The story with more reports survives (the earlier one on a tie).
 */
export function storyMerges(stories: readonly StoryReports[], vocabulary: ReportVocabulary): StoryMerge[] {
  interface Cluster {
    id: number;
    from: number;
    to: number;
    articles: number[];
    names: Profile;
    words: Profile;
  }
  const clusters = new Map<number, Cluster>();
  const make = (id: number, from: number, to: number, articles: number[]): Cluster => ({
    id,
    from,
    to,
    articles,
    names: profileOf(articles, vocabulary, false),
    words: profileOf(articles, vocabulary, true),
  });
  for (const story of stories) clusters.set(story.id, make(story.id, dayNumber(story.startsOn), dayNumber(story.endsOn), [...new Set(story.articles)]));

  // The likeness of each pair weighed so far, by "a:b"; a merge forgets the pairs of both stories.
  const weighed = new Map<string, { names: number; words: number }>();
  const weigh = (a: Cluster, b: Cluster) => {
    const key = `${a.id}:${b.id}`;
    let found = weighed.get(key);
    if (!found) {
      const names = likeness(a.names, b.names);
      found = { names, words: names < storyLikeness ? 0 : likeness(a.words, b.words) };
      weighed.set(key, found);
    }
    return found;
  };
  const merges: StoryMerge[] = [];
  for (;;) {
    let best: { a: Cluster; b: Cluster; names: number; words: number } | null = null;
    const list = [...clusters.values()].sort((x, y) => x.from - y.from || x.id - y.id);
    for (let i = 0; i < list.length; i += 1) {
      const a = list[i]!;
      for (let j = i + 1; j < list.length; j += 1) {
        const b = list[j]!;
        // The list is in order of beginning: no later story begins within the window after this one ends either.
        if (b.from - a.to > storyQuietDays) break;
        const { names, words } = weigh(a, b);
        if (names < storyLikeness || words < storyLikeness || names + words < storyLikenessSum) continue;
        if (!best || names + words > best.names + best.words) best = { a, b, names, words };
      }
    }
    if (!best) return merges;
    const { a, b } = best;
    for (const key of weighed.keys()) {
      const [x, y] = key.split(':').map(Number);
      if (x === a.id || y === a.id || x === b.id || y === b.id) weighed.delete(key);
    }
    const [survivor, merged] = b.articles.length > a.articles.length || (b.articles.length === a.articles.length && b.id < a.id) ? [b, a] : [a, b];
    merges.push({ survivor: survivor.id, merged: merged.id, names: best.names, words: best.words });
    clusters.delete(merged.id);
    clusters.set(survivor.id, make(survivor.id, Math.min(a.from, b.from), Math.max(a.to, b.to), [...new Set([...a.articles, ...b.articles])]));
  }
}

/** A range of days, inclusive, as consolidation takes it. */
export interface DayRange {
  from: string;
  to: string;
}

/** The range grown to hold `day` (YYYY-MM-DD); a range of that day alone when there is none yet. */
export function widenedRange(range: DayRange | null, day: string): DayRange {
  if (!range) return { from: day, to: day };
  return { from: day < range.from ? day : range.from, to: day > range.to ? day : range.to };
}

// A batch ingest consolidates the stories of the days it stored every this many new articles (so that the
// reports after a merge join the merged story), and once more at the end over every day it stored.
const consolidateEvery = 400;

/**
 * Consolidation as a batch ingest goes (the ingest CLI, the evaluation and the benchmark): `stored` is told
 * each new article's day and consolidates every 400 of them; `finish` weighs every story the run added to,
 * whose reports may have come in any order. Both say whether they consolidated, so that the caller can
 * refresh the database's statistics after them.
 */
export class BatchConsolidation {
  merged = 0;
  occasionsMerged = 0;
  private pending: DayRange | null = null;
  private run: DayRange | null = null;
  private sinceLast = 0;

  constructor(private readonly prisma: PrismaClient) {}

  async stored(publishedOn: string): Promise<boolean> {
    const day = publishedOn.slice(0, 10);
    this.pending = widenedRange(this.pending, day);
    this.run = widenedRange(this.run, day);
    this.sinceLast += 1;
    if (this.sinceLast < consolidateEvery) return false;
    await this.consolidate(this.pending);
    return true;
  }

  async finish(): Promise<boolean> {
    if (!this.run) return false;
    await this.consolidate(this.run);
    this.run = null;
    return true;
  }

  private async consolidate(range: DayRange): Promise<void> {
    const result = await consolidateStories(this.prisma, range);
    this.merged += result.merged;
    this.occasionsMerged += result.occasionsMerged;
    this.pending = null;
    this.sinceLast = 0;
  }
}

export interface ConsolidationResult {
  /** The stories weighed, how many of them were merged into another, and how many were given a new title. */
  stories: number;
  merged: number;
  retitled: number;
  merges: StoryMerge[];
  /** Events of the stories merged into another told by other reports of the same story (one election, one summit). */
  occasionsMerged: number;
}

/** An event that is part of a story, as occasion merging sees it. */
export interface StoryPart {
  id: number;
  story: number;
  type: EventType;
  startsOn: string;
  endsOn: string;
  articles: number;
  /** The countries its places lie in, and its cities. */
  countries: string[];
  cities: number[];
}

// The events that happen once on their day and that every report of a story tells again: an election, a
// verdict, a truce. Two reports of one story that tell one of these on the same day (or the next: the wire
// dates by its own clock) tell the same one, unless their places set them apart. Attacks are left alone (a
// story of a war holds many a day), and so are meetings and talks: on the AFP corpus, the meetings of one
// story's day were as often two meetings (a summit and a minister's visit) as one.
const occasionTypes = new Set<EventType>(['ELECTION', 'TRIAL', 'AGREEMENT']);

/** Whether two parts of one story may be one occasion: kinds that go together, a day apart at most, no country or city that sets them apart. */
function sameOccasion(a: StoryPart, b: StoryPart): boolean {
  if (!compatibleEventTypes(a.type).includes(b.type)) return false;
  if (dayNumber(b.startsOn) - dayNumber(a.endsOn) > 1 || dayNumber(a.startsOn) - dayNumber(b.endsOn) > 1) return false;
  const apart = (x: readonly (string | number)[], y: readonly (string | number)[]) => x.length > 0 && y.length > 0 && !x.some((value) => y.includes(value));
  return !apart(a.countries, b.countries) && !apart(a.cities, b.cities);
}

/**
 * The merges that make one event of each occasion a story's reports tell apart: within each story, the
 * parts most reported first, each joining the first occasion all of whose parts it may be one with.
 */
export function occasionMerges(parts: readonly StoryPart[]): { survivor: number; merged: number }[] {
  const byStory = new Map<number, StoryPart[]>();
  for (const part of parts) if (occasionTypes.has(part.type)) byStory.set(part.story, [...(byStory.get(part.story) ?? []), part]);
  const merges: { survivor: number; merged: number }[] = [];
  const mergedAway = new Set<number>();
  for (const storyParts of byStory.values()) {
    const occasions: StoryPart[][] = [];
    for (const part of [...storyParts].sort((a, b) => b.articles - a.articles || a.id - b.id)) {
      if (mergedAway.has(part.id)) continue;
      const occasion = occasions.find((members) => members.every((member) => sameOccasion(member, part)));
      if (occasion) {
        merges.push({ survivor: occasion[0]!.id, merged: part.id });
        mergedAway.add(part.id);
        occasion.push(part);
      } else occasions.push([part]);
    }
  }
  return merges;
}

/** The name keys a title is chosen from: those at least two of the story's reports name, with how many do. */
function titleCandidates(articles: readonly number[], vocabulary: ReportVocabulary): { key: string; reports: number; weight: number }[] {
  const reports = new Map<string, number>();
  for (const article of articles) {
    for (const key of vocabulary.keysOf.get(article) ?? []) if (!key.startsWith('w:')) reports.set(key, (reports.get(key) ?? 0) + 1);
  }
  return [...reports.entries()]
    .filter(([, count]) => count >= 2)
    .map(([key, count]) => ({ key, reports: count, weight: contextWeight(vocabulary.articlesUsing.get(key) ?? 1) }));
}

/**
 * Merges the stories told alike among those running between `from` and `to` (days, inclusive; widened by
 * the days a story may go quiet, so that a story just begun meets the one it continues). Each merge is one transaction
 * under the lock articles are stored under, and widens the surviving story's dates to cover both (as a
 * curator's merge of two stories does).
 */
export async function consolidateStories(prisma: PrismaClient, range: DayRange): Promise<ConsolidationResult> {
  const stories = await prisma.$queryRawUnsafe<StoryReports[]>(
    `SELECT e.id, to_char(e."startsOn", 'YYYY-MM-DD') AS "startsOn", to_char(e."endsOn", 'YYYY-MM-DD') AS "endsOn",
            array_agg(DISTINCT m."articleId" ORDER BY m."articleId") AS articles
     FROM "Event" e JOIN "EventMention" m ON m."eventId" = e.id
     WHERE e.type = 'STORY' AND e."startsOn" <= $2::date + $3::int AND e."endsOn" >= $1::date - $3::int
     GROUP BY e.id`,
    range.from.slice(0, 10),
    range.to.slice(0, 10),
    storyQuietDays,
  );
  if (stories.length === 0) return { stories: 0, merged: 0, retitled: 0, merges: [], occasionsMerged: 0 };
  const articles = [...new Set(stories.flatMap((story) => story.articles))];
  const [{ vocabulary }] = await prisma.$queryRawUnsafe<[{ vocabulary: { keys: { article: number; keys: string[] }[]; using: Record<string, number>; articleCount: number } }]>(
    `WITH own AS (
       SELECT "articleId" AS article, 'p' || "personId" AS key FROM "PersonMention" WHERE "articleId" = ANY($1::int[])
       UNION SELECT "articleId", 'o' || "organizationId" FROM "OrganizationMention" WHERE "articleId" = ANY($1::int[])
       UNION SELECT "articleId", 'l' || "placeId" FROM "PlaceMention" WHERE "articleId" = ANY($1::int[])
       UNION SELECT "articleId", 'w:' || term FROM "ArticleTerm" WHERE "articleId" = ANY($1::int[])
     ),
     keys AS (SELECT DISTINCT key FROM own),
     -- How many articles use each key, counted per table in one pass over its (name, article) index.
     using_key AS (
       SELECT 'p' || "personId" AS key, count(DISTINCT "articleId") AS articles FROM "PersonMention"
       WHERE "personId" IN (SELECT substr(key, 2)::int FROM keys WHERE key LIKE 'p%') GROUP BY "personId"
       UNION ALL SELECT 'o' || "organizationId", count(DISTINCT "articleId") FROM "OrganizationMention"
       WHERE "organizationId" IN (SELECT substr(key, 2)::int FROM keys WHERE key LIKE 'o%') GROUP BY "organizationId"
       UNION ALL SELECT 'l' || "placeId", count(DISTINCT "articleId") FROM "PlaceMention"
       WHERE "placeId" IN (SELECT substr(key, 2)::int FROM keys WHERE key LIKE 'l%') GROUP BY "placeId"
       UNION ALL SELECT 'w:' || term, articles FROM "StoryTerm" WHERE term IN (SELECT substr(key, 3) FROM keys WHERE key LIKE 'w:%')
     )
     SELECT json_build_object(
       'keys', (SELECT json_agg(json_build_object('article', x.article, 'keys', x.keys)) FROM (SELECT article, array_agg(key) AS keys FROM own GROUP BY article) x),
       'using', (SELECT coalesce(json_object_agg(key, articles), '{}') FROM using_key),
       'articleCount', (SELECT count(*) FROM "Article")
     ) AS vocabulary`,
    articles,
  );
  const known: ReportVocabulary = {
    keysOf: new Map((vocabulary.keys ?? []).map((entry) => [entry.article, entry.keys])),
    articlesUsing: new Map(Object.entries(vocabulary.using).map(([key, count]) => [key, Number(count)])),
    articleCount: Number(vocabulary.articleCount),
  };
  const merges = storyMerges(stories, known);
  let merged = 0;
  for (const merge of merges) {
    const done = await prisma.$transaction(async (tx) => {
      await holdStoreLock(tx);
      // An article stored meanwhile may have changed the stories; merge only what still exists.
      const found = await tx.event.count({ where: { id: { in: [merge.survivor, merge.merged] }, type: 'STORY' } });
      if (found < 2) return false;
      await mergeEntitiesIn(
        tx,
        'Event',
        merge.survivor,
        merge.merged,
        `one story told twice: its reports share the same rare names (likeness ${merge.names.toFixed(2)}) and words (${merge.words.toFixed(2)})`,
      );
      return true;
    });
    if (done) merged += 1;
  }
  const retitled = await retitleStories(prisma, stories, merges, known);
  const survivors = stories.map((story) => story.id).filter((id) => !merges.some((merge) => merge.merged === id));
  const occasionsMerged = await mergeOccasions(prisma, survivors);
  return { stories: stories.length, merged, retitled, merges, occasionsMerged };
}

/** Merges, within each of the given stories, the parts that tell one occasion; returns how many were merged away. */
async function mergeOccasions(prisma: PrismaClient, storyIds: number[]): Promise<number> {
  if (storyIds.length === 0) return 0;
  const parts = await prisma.$queryRawUnsafe<StoryPart[]>(
    `SELECT e.id, r."toEventId" AS story, e.type::text AS type, to_char(e."startsOn", 'YYYY-MM-DD') AS "startsOn",
            to_char(e."endsOn", 'YYYY-MM-DD') AS "endsOn", e."articleCount" AS articles,
            coalesce((SELECT array_agg(DISTINCT p."countryCode") FROM "EventPlace" l JOIN "Place" p ON p.id = l."placeId"
                      WHERE l."eventId" = e.id AND p."countryCode" IS NOT NULL), '{}') AS countries,
            coalesce((SELECT array_agg(DISTINCT p.id) FROM "EventPlace" l JOIN "Place" p ON p.id = l."placeId"
                      WHERE l."eventId" = e.id AND p.kind = 'CITY'), '{}') AS cities
     FROM "EventRelation" r JOIN "Event" e ON e.id = r."fromEventId"
     WHERE r.kind = 'PART_OF' AND r."toEventId" = ANY($1::int[]) AND e.type::text = ANY($2::text[])`,
    storyIds,
    [...occasionTypes],
  );
  let merged = 0;
  for (const merge of occasionMerges(parts)) {
    const done = await prisma.$transaction(async (tx) => {
      await holdStoreLock(tx);
      const found = await tx.event.count({ where: { id: { in: [merge.survivor, merge.merged] } } });
      if (found < 2) return false;
      await mergeEntitiesIn(tx, 'Event', merge.survivor, merge.merged, 'one occasion told twice: reports of one story tell it on the same day');
      return true;
    });
    if (done) merged += 1;
  }
  return merged;
}

/**
 * Titles each story after what its reports, all of them, have in common, as a story's first title is after
 * its first two: the place and the two people or groups they name most (weighed by rarity). A title a
 * curator wrote is kept.
 */
async function retitleStories(prisma: PrismaClient, stories: readonly StoryReports[], merges: readonly StoryMerge[], vocabulary: ReportVocabulary): Promise<number> {
  const reportsOf = new Map(stories.map((story) => [story.id, [...story.articles]]));
  for (const merge of merges) {
    reportsOf.get(merge.survivor)!.push(...reportsOf.get(merge.merged)!);
    reportsOf.delete(merge.merged);
  }
  const candidates = new Map([...reportsOf].map(([id, articles]) => [id, titleCandidates([...new Set(articles)], vocabulary)]));
  const keys = [...new Set([...candidates.values()].flat().map((candidate) => candidate.key))];
  if (keys.length === 0) return 0;
  const idsOf = (prefix: string) => keys.filter((key) => key.startsWith(prefix)).map((key) => Number(key.slice(1)));
  const names = new Map<string, string>();
  for (const person of await prisma.person.findMany({ where: { id: { in: idsOf('p') } }, select: { id: true, name: true } })) names.set(`p${person.id}`, person.name);
  for (const group of await prisma.organization.findMany({ where: { id: { in: idsOf('o') } }, select: { id: true, name: true } })) names.set(`o${group.id}`, group.name);
  for (const place of await prisma.place.findMany({ where: { id: { in: idsOf('l') } }, select: { id: true, name: true } })) names.set(`l${place.id}`, place.name);
  const kindOf = (key: string) => (key.startsWith('p') ? 'person' : key.startsWith('o') ? 'organization' : 'place') as 'person' | 'organization' | 'place';
  const titles = [...candidates].flatMap(([id, found]) => {
    // Where a story is told is a place most of its reports name: a country one report in three names is
    // where someone in it comes from.
    const reports = new Set(reportsOf.get(id)).size;
    const widely = found.some((candidate) => kindOf(candidate.key) === 'place' && 2 * candidate.reports >= reports);
    const shared = found.flatMap((candidate) => {
      const name = names.get(candidate.key);
      if (!name || (widely && kindOf(candidate.key) === 'place' && 2 * candidate.reports < reports)) return [];
      return [{ name, kind: kindOf(candidate.key), weight: candidate.weight, mentions: candidate.reports }];
    });
    return shared.length ? [{ id, title: storyTitle(shared) }] : [];
  });
  if (titles.length === 0) return 0;
  return prisma.$transaction(async (tx) => {
    await holdStoreLock(tx);
    return tx.$executeRawUnsafe(
      `UPDATE "Event" e SET title = t.title FROM jsonb_to_recordset($1::jsonb) AS t(id int, title text)
       WHERE e.id = t.id AND e.type = 'STORY' AND NOT e."titleByCurator" AND e.title <> t.title`,
      JSON.stringify(titles),
    );
  });
}
