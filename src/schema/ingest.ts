import { z } from 'zod';
import { builder } from './builder.js';
import { UserInputError } from './errors.js';
import { Article } from './article.js';
import { InputError } from '../ingest/formats/input-error.js';
import { readSubmittedArticle } from '../ingest/formats/submitted.js';
import { dayOutOfRange } from '../http/input-bounds.js';
import { extractArticleFacts } from '../http/article-extraction.js';
import { storeArticleFacts, type StoreCounts } from '../graph/store-article.js';
import { consolidateStories } from '../graph/story-consolidation.js';

const ArticleFormat = builder.enumType('ArticleFormat', {
  values: {
    TEXT: { value: 'text', description: 'Plain text; a first line "date YYYY-MM-DD" or publishedAt gives the publication date.' },
    JSON: { value: 'json', description: 'One JSON object { url, title, publishedAt, publisher, byline?, text }.' },
    TIMEML: { value: 'timeml', description: 'A TimeML document (<DCT>, <TITLE>, <TEXT>); inline annotations are ignored.' },
  } as const,
});

const IngestStatus = builder.enumType('IngestStatus', {
  values: {
    CREATED: { description: 'The article is new and was stored with everything extracted from it.' },
    UNCHANGED: { description: 'The same article (by URL or content) was already stored; nothing changed.' },
  } as const,
});

const IngestCounts = builder.objectRef<StoreCounts>('IngestCounts').implement({
  fields: (t) => ({
    events: t.exposeInt('events'),
    stories: t.exposeInt('stories', { description: 'Stories the article founded (created) or joined (linked).' }),
    people: t.exposeInt('people'),
    organizations: t.exposeInt('organizations'),
    places: t.exposeInt('places'),
    sources: t.exposeInt('sources'),
    claims: t.exposeInt('claims'),
    mentions: t.exposeInt('mentions'),
  }),
});

interface IngestOutcome {
  status: 'CREATED' | 'UNCHANGED';
  articleId: number;
  created: StoreCounts;
  linked: StoreCounts;
  warnings: string[];
}

const IngestResult = builder.objectRef<IngestOutcome>('IngestResult').implement({
  description: 'What ingesting one article did.',
  fields: (t) => ({
    status: t.field({ type: IngestStatus, resolve: (result) => result.status }),
    created: t.field({ type: IngestCounts, description: 'Nodes created by this article.', resolve: (result) => result.created }),
    linked: t.field({ type: IngestCounts, description: 'Nodes the article was linked to, new or already known.', resolve: (result) => result.linked }),
    warnings: t.stringList({ description: 'What was odd or missing in the article.', resolve: (result) => result.warnings }),
  }),
});

builder.objectField(IngestResult, 'article', (t) =>
  t.prismaField({
    type: Article,
    resolve: (query, result, _args, context) => context.prisma.article.findUniqueOrThrow({ ...query, where: { id: result.articleId } }),
  }),
);

/** Twice the longest report of the AFP corpus (50 KB of TimeML): extraction and storing grow with the text. */
export const maxArticleCharacters = 100_000;

/** Why a URL cannot be an article's link (it must be absolute http or https), or null. */
export function articleUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url.slice(0, 100)}" is not an absolute URL`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `must be an http:// or https:// URL, not ${parsed.protocol}`;
  return null;
}

const IngestArticleInput = builder.inputType('IngestArticleInput', {
  fields: (t) => ({
    content: t.string({
      required: true,
      description: `The article: plain text, one JSON object, or a TimeML document; at most ${maxArticleCharacters.toLocaleString('en-US')} characters.`,
      validate: z.string().max(maxArticleCharacters, `content: at most ${maxArticleCharacters.toLocaleString('en-US')} characters; a longer text is not one news article`),
    }),
    format: t.field({ type: ArticleFormat, required: false, defaultValue: 'text' }),
    publishedAt: t.string({ required: false, description: 'YYYY-MM-DD or ISO timestamp, for plain text without a "date" line.' }),
    url: t.string({ required: false, validate: z
        .string()
        .max(2000)
        .superRefine((url, issues) => {
          const problem = articleUrlProblem(url);
          if (problem) issues.addIssue({ code: 'custom', message: `url ${problem}` });
        }),
    }),
    title: t.string({ required: false, validate: z.string().max(1000) }),
    publisher: t.string({ required: false, validate: z.string().max(300) }),
  }),
});

builder.mutationFields((t) => ({
  ingestArticle: t.field({
    authScopes: { ingest: true },
    type: IngestResult,
    description:
      'Reads one article, extracts its events, people, organisations, places, sources and claims, and stores them in one transaction. The same article again changes nothing.',
    args: { input: t.arg({ type: IngestArticleInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      let document;
      try {
        document = readSubmittedArticle({ ...input, format: input.format ?? 'text' });
      } catch (error) {
        if (error instanceof InputError) throw new UserInputError(error.message, error.file.startsWith('input.') ? error.file : 'input.content');
        throw error;
      }
      // The URL may also come inside JSON or TimeML content; it is a link clients will follow. A TimeML document
      // without one is named by its DOCID (timeml:AFP_ENG_…), which the reader writes and no browser follows.
      const namedByDocId = input.format === 'timeml' && document.url?.startsWith('timeml:') === true;
      const urlProblem = document.url == null || namedByDocId ? null : articleUrlProblem(document.url);
      if (urlProblem) throw new UserInputError(`input.content: the article's url ${urlProblem}`, 'input.content');
      const publishedDay = /^\d{4}-\d{2}-\d{2}/.exec(document.publishedAt ?? '')?.[0];
      const dateProblem = publishedDay ? dayOutOfRange(publishedDay) : null;
      if (dateProblem) throw new UserInputError(`the publication date ${dateProblem}`, input.publishedAt ? 'input.publishedAt' : 'input.content');
      const facts = await extractArticleFacts(document);
      const stored = await storeArticleFacts(context.prisma, facts);
      // A report may show two stories of its days to be one: weighed now, as the batch ingest does.
      if (stored.status === 'created' && stored.linked.stories > 0) {
        await consolidateStories(context.prisma, { from: facts.article.publishedOn, to: facts.article.publishedOn });
      }
      const warnings: string[] = [];
      if (stored.status === 'unchanged') warnings.push('this article was already ingested (same URL or same text); nothing changed');
      if (facts.events.length === 0) warnings.push('no event was recognised in the text');
      if (!facts.article.publisher) warnings.push('no publisher: give one in input.publisher or a dateline such as "CITY (Agency) –"');
      const unresolved = facts.places.filter((place) => !place.gazetteerId && place.mentions.length > 0).map((place) => place.name);
      if (unresolved.length) warnings.push(`places not found in the gazetteer (no coordinates): ${unresolved.join(', ')}`);
      return {
        status: stored.status === 'created' ? ('CREATED' as const) : ('UNCHANGED' as const),
        articleId: stored.articleId,
        created: stored.created,
        linked: stored.linked,
        warnings,
      };
    },
  }),
}));
