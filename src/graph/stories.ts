// Stories: the reports of one unfolding situation (a hostage crisis, a rebel advance, a summit) told over days
// by many articles, each with events of its own. A story is an event of type STORY whose parts are the events
// its articles report (EventRelation PART_OF) and whose mentions are the articles' leads. An article joins the
// story of a recent article that names enough of the same people, groups and places, or tells it in enough
// of the same rare words; the first two such articles found a story together.
import type { PrismaClient } from '../db/generated/prisma/client.js';

/** The article's context as graph ids: its people, organisations but media, and places but continents and countries named once. */
export interface ArticleContext {
  people: number[];
  organizations: number[];
  places: number[];
}

/** A context entity keyed by kind and id, as the SQL below keys them: "p12", "o7", "l3". */
export type ContextKey = string;

// A name that more articles mention than one story fills (a capital, a president) says little about which
// story an article belongs to: each shared name weighs 1, less in proportion beyond this many articles.
const storyArticles = 25;

// Between stories a place weighs half: every story told there names it, and a bureau's city all its reports.
// Between reports of one event on one day, a place is as telling as a name.
const placeWeightInStories = 0.5;

/** How much a shared name says, by how many articles name it. */
export function contextWeight(articlesNamingIt: number): number {
  return Math.min(1, storyArticles / Math.max(1, articlesNamingIt));
}

/** Whether the shared names include someone: stories are told about people and groups, not about places alone. */
function namesAnActor(keys: readonly ContextKey[], read: Pick<ArticleContextRead, 'articles'>): boolean {
  return keys.some((key) => !key.startsWith('l') && contextWeight(read.articles[key] ?? 1) >= 0.5);
}

// How many days apart two reports of one story may be published (a weekend without one included): a story
// goes on while its reports do.
export const storyWindowDays = 5;

// The weighed names two articles must share to be reports of one story, and an article must share with the
// names a story's reports have shared so far to join it.
const storyEvidence = 3;
const storyCoreEvidence = 1.5;

/** A recent article that names some of this article's context, with the story it is in, if any. */
export interface NearbyArticle {
  article: number;
  publishedOn: string;
  keys: ContextKey[];
  story: number | null;
  /** The names its story is linked to: what the story's reports have shared so far. */
  storyCore: ContextKey[];
  /** The story's first two reports. */
  storyFounders: number[];
  /** The words of this article's story terms it uses too. */
  terms: string[];
  /** Its events that are not stories. */
  events: number[];
  /** The start of its text, for its lead. */
  opening: string;
}

export interface ArticleContextRead {
  /** For each known event asked about, the context keys its reporting articles name too. */
  shared: Record<string, ContextKey[]>;
  /** How many stored articles name each context entity. */
  articles: Record<ContextKey, number>;
  nearby: NearbyArticle[];
  /** How many articles are stored, and how many of them have each of this article's story terms among theirs. */
  articleCount: number;
  termArticles: Record<string, number>;
  /** This article's story terms, and those of them few enough articles use to tell stories apart. */
  terms: string[];
  telling: string[];
}

// A name this many articles use weighs at most storyArticles / commonNameArticles (0.4): not worth looking up.
const commonNameArticles = 60;

// One statement: what the stored articles share with this article's context, for event matching and stories.
const readArticleContextSql = `
WITH term_articles AS (SELECT term, articles FROM "StoryTerm" WHERE term = ANY($7::text[])),
telling AS (
  -- The article's words that few articles use: a word in more than a story's share of them tells no story apart.
  SELECT coalesce(array_agg(u.word), '{}') AS terms FROM unnest($7::text[]) AS u(word) LEFT JOIN term_articles c ON c.term = u.word
  WHERE coalesce(c.articles, 0) <= greatest(50, (SELECT coalesce(max(id), 0) FROM "Article") / 40)
),
-- How many articles name each context entity, counted up to a bound: a name in more says next to nothing.
name_articles AS (
  SELECT 'p' || u.entity AS key, u.entity, (SELECT count(*) FROM (SELECT DISTINCT "articleId" FROM "PersonMention" WHERE "personId" = u.entity LIMIT ${commonNameArticles}) x) AS articles
  FROM unnest($2::int[]) AS u(entity)
  UNION ALL SELECT 'o' || u.entity, u.entity, (SELECT count(*) FROM (SELECT DISTINCT "articleId" FROM "OrganizationMention" WHERE "organizationId" = u.entity LIMIT ${commonNameArticles}) x)
  FROM unnest($3::int[]) AS u(entity)
  UNION ALL SELECT 'l' || u.entity, u.entity, (SELECT count(*) FROM (SELECT DISTINCT "articleId" FROM "PlaceMention" WHERE "placeId" = u.entity LIMIT ${commonNameArticles}) x)
  FROM unnest($4::int[]) AS u(entity)
),
-- The articles published within the window, and the ones the known events asked about are reported in.
window_articles AS (SELECT id FROM "Article" WHERE "publishedOn" BETWEEN $5::date - $6::int AND $5::date + $6::int),
event_articles AS (SELECT DISTINCT "articleId" AS id FROM "EventMention" WHERE "eventId" = ANY($1::int[])),
near_articles AS (SELECT id FROM window_articles UNION SELECT id FROM event_articles),
-- Mentions of the context's names in those articles only, found through each mention table's (name, article) index.
own AS (
  SELECT 'p' || "personId" AS key, "articleId" FROM "PersonMention"
  WHERE "personId" IN (SELECT entity FROM name_articles WHERE key LIKE 'p%' AND articles < ${commonNameArticles})
    AND "articleId" IN (SELECT id FROM near_articles)
  UNION ALL SELECT 'o' || "organizationId", "articleId" FROM "OrganizationMention"
  WHERE "organizationId" IN (SELECT entity FROM name_articles WHERE key LIKE 'o%' AND articles < ${commonNameArticles})
    AND "articleId" IN (SELECT id FROM near_articles)
  UNION ALL SELECT 'l' || "placeId", "articleId" FROM "PlaceMention"
  WHERE "placeId" IN (SELECT entity FROM name_articles WHERE key LIKE 'l%' AND articles < ${commonNameArticles})
    AND "articleId" IN (SELECT id FROM near_articles)
)
SELECT json_build_object(
  'shared', (SELECT coalesce(json_object_agg(x.id, x.keys), '{}') FROM (
    SELECT m."eventId" AS id, array_agg(DISTINCT own.key) AS keys
    FROM "EventMention" m JOIN own ON own."articleId" = m."articleId" WHERE m."eventId" = ANY($1::int[]) GROUP BY m."eventId") x),
  'articles', (SELECT coalesce(json_object_agg(key, articles), '{}') FROM name_articles WHERE articles > 0),
  'articleCount', (SELECT coalesce(max(id), 0) FROM "Article"),
  'telling', (SELECT coalesce(to_json(terms), '[]') FROM telling),
  'termArticles', (SELECT coalesce(json_object_agg(term, articles), '{}') FROM term_articles),
  'nearby', (SELECT coalesce(json_agg(json_build_object(
      'article', z.id, 'publishedOn', a."publishedOn", 'keys', z.keys, 'terms', z.terms, 'opening', left(a.text, 600),
      'story', z.story,
      'storyFounders', (SELECT coalesce(json_agg(f."articleId"), '[]') FROM (
        SELECT DISTINCT "articleId" FROM "EventMention" WHERE "eventId" = z.story ORDER BY "articleId" LIMIT 2) f),
      'storyCore', (SELECT coalesce(json_agg(c.key), '[]') FROM (
        SELECT 'p' || "personId" AS key FROM "EventPerson" WHERE "eventId" = z.story
        UNION SELECT 'o' || "organizationId" FROM "EventOrganization" WHERE "eventId" = z.story
        UNION SELECT 'l' || "placeId" FROM "EventPlace" WHERE "eventId" = z.story) c),
      'events', (SELECT coalesce(json_agg(DISTINCT m."eventId"), '[]') FROM "EventMention" m JOIN "Event" e ON e.id = m."eventId"
                 WHERE m."articleId" = z.id AND e.type <> 'STORY')
    ) ORDER BY z.id), '[]')
    FROM (SELECT coalesce(n.id, w.id) AS id, coalesce(n.keys, '{}') AS keys, coalesce(w.terms, '{}') AS terms,
            (SELECT min(m."eventId") FROM "EventMention" m JOIN "Event" s ON s.id = m."eventId" WHERE m."articleId" = coalesce(n.id, w.id) AND s.type = 'STORY') AS story
          FROM (SELECT own."articleId" AS id, array_agg(DISTINCT own.key) AS keys FROM own
                WHERE own."articleId" IN (SELECT id FROM window_articles)
                GROUP BY own."articleId" HAVING count(DISTINCT own.key) >= 2) n
          FULL JOIN (SELECT t."articleId" AS id, array_agg(t.term) AS terms FROM "ArticleTerm" t
                WHERE t.term IN (SELECT unnest(terms) FROM telling) AND t."publishedOn" BETWEEN $5::date - $6::int AND $5::date + $6::int
                GROUP BY t."articleId" HAVING count(*) >= 3) w ON w.id = n.id) z
    JOIN "Article" a ON a.id = z.id)
) AS context`;

export async function readArticleContext(
  tx: Pick<PrismaClient, '$queryRawUnsafe'>,
  eventIds: number[],
  context: ArticleContext,
  publishedOn: string,
  terms: string[],
): Promise<ArticleContextRead> {
  const [{ context: read }] = (await tx.$queryRawUnsafe(
    readArticleContextSql,
    eventIds,
    context.people,
    context.organizations,
    context.places,
    publishedOn.slice(0, 10),
    storyWindowDays,
    terms,
  )) as [{ context: Omit<ArticleContextRead, 'terms'> }];
  return { ...read, articleCount: Number(read.articleCount), terms };
}

// Two reports of one story tell it in the same words: when this much of what is telling in the article's
// own words (each weighed by how few articles use it) is in the other's, they are reports of one story.
// Set on the AFP corpus with `npm run report:duplicates`, which scores stories against their headlines.
const storyTermOverlap = 0.2;

/** How much of the weight of the article's telling story terms the other article's terms hold (0 to 1). */
export function termOverlap(shared: readonly string[], read: Pick<ArticleContextRead, 'telling' | 'termArticles' | 'articleCount'>): number {
  const weight = (term: string) => Math.log((read.articleCount + 1) / ((read.termArticles[term] ?? 0) + 1));
  const total = read.telling.reduce((sum, term) => sum + weight(term), 0);
  return total > 0 ? shared.reduce((sum, term) => sum + weight(term), 0) / total : 0;
}

/** The weighed evidence of shared context keys; places weigh `placeWeight` each at most. */
export function sharedEvidence(keys: readonly ContextKey[], read: Pick<ArticleContextRead, 'articles'>, placeWeight = 1): number {
  return keys.reduce((sum, key) => sum + (key.startsWith('l') ? placeWeight : 1) * contextWeight(read.articles[key] ?? 1), 0);
}

export type StoryChoice =
  | { kind: 'join'; story: number; shared: ContextKey[] }
  | { kind: 'found'; with: NearbyArticle; shared: ContextKey[] }
  | { kind: 'none' };

/**
 * The story an article belongs to: of the stories of the recent articles it shares enough with, the one whose
 * own names (its core) it shares most, when that is enough too: an article that names two stories (a daily
 * briefing on Zaire and on Hebron) joins one, and does not bridge them. Else a new story with the recent
 * article outside any story it shares most with, when that is enough; else none.
 */
export function chooseStory(read: ArticleContextRead): StoryChoice {
  const scored = read.nearby
    .map((article) => {
      const names = sharedEvidence(article.keys, read, placeWeightInStories);
      const words = termOverlap(article.terms, read);
      return { article, words, evidence: names + words / storyTermOverlap, linked: (names >= storyEvidence && namesAnActor(article.keys, read)) || words >= storyTermOverlap };
    })
    .filter((entry) => entry.linked);
  const stories = new Map<number, { core: number; words: number; shared: Set<ContextKey> }>();
  for (const { article, words } of scored) {
    if (article.story === null) continue;
    // Words join a story through its first reports only: a series (each day's market report reads like the
    // last) would otherwise walk into whatever story one of its reports once joined.
    const byWords = article.storyFounders.includes(article.article) ? words : 0;
    // Context keys are the article's own: the core names it does not name are not in read.articles.
    const core = article.storyCore.filter((key) => key in read.articles);
    const entry = stories.get(article.story) ?? { core: namesAnActor(core, read) ? sharedEvidence(core, read, placeWeightInStories) : 0, words: 0, shared: new Set<ContextKey>() };
    entry.words = Math.max(entry.words, byWords);
    for (const key of article.keys) entry.shared.add(key);
    stories.set(article.story, entry);
  }
  const score = (entry: { core: number; words: number }) => entry.core / storyCoreEvidence + entry.words / storyTermOverlap;
  const story = [...stories.entries()]
    .filter(([, entry]) => entry.core >= storyCoreEvidence || entry.words >= storyTermOverlap)
    .sort((a, b) => score(b[1]) - score(a[1]) || a[0] - b[0])[0];
  if (story) return { kind: 'join', story: story[0], shared: [...story[1].shared] };
  const best = scored.filter((entry) => entry.article.story === null).sort((a, b) => b.evidence - a.evidence || a.article.article - b.article.article)[0];
  return best ? { kind: 'found', with: best.article, shared: best.article.keys } : { kind: 'none' };
}

/** The lead of an article: its first sentence (at most 400 characters), as a passage with offsets. */
export function leadPassage(text: string): { start: number; end: number; text: string } {
  const start = text.search(/\S/);
  if (start < 0) return { start: 0, end: 0, text: '' };
  const rest = text.slice(start, start + 400);
  const sentenceEnd = /[.!?]["'’”)]?(?=\s)|\n/.exec(rest.slice(20));
  let end = start + (sentenceEnd ? 20 + sentenceEnd.index + (sentenceEnd[0] === '\n' ? 0 : sentenceEnd[0].length) : rest.length);
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  return { start, end, text: text.slice(start, end) };
}

/**
 * A story's title from the names its first reports share, those the article repeats most (weighed by rarity) first: the
 * place, then who ("Lima: Alberto Fujimori, MRTA").
 */
export function storyTitle(
  shared: readonly { name: string; kind: 'person' | 'organization' | 'place'; weight: number; mentions: number }[],
): string {
  const ranked = [...shared].sort((a, b) => b.weight * b.mentions - a.weight * a.mentions || b.weight - a.weight);
  const place = ranked.find((entry) => entry.kind === 'place');
  // Two names of one person ("Saddam", "Saddam Hussein") that resolution kept apart name one actor.
  const words = (name: string) => name.toLowerCase().split(/\s+/);
  const sameActor = (a: string, b: string) => words(a).every((word) => words(b).includes(word)) || words(b).every((word) => words(a).includes(word));
  const actors: string[] = [];
  for (const entry of ranked) {
    if (entry.kind !== 'place' && actors.length < 2 && !actors.some((actor) => sameActor(actor, entry.name))) actors.push(entry.name);
  }
  if (place && actors.length) return `${place.name}: ${actors.join(', ')}`;
  if (place) return place.name;
  return actors.join(', ') || 'Story';
}
