// The event gold (eval/events/gold) is what extraction will be tuned against, so it must hold up on its own: every
// span is the text it claims in the text the project's reader gives, every value is one the schema allows, dates are
// real ranges, cluster keys agree across articles, the sample is the one the selection rule makes, and the gold is
// exactly what the labels build to.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatePrecision, EventType, ParticipantRole, PlaceRole } from '../../src/db/generated/prisma/enums.js';
import type { ArticleFacts } from '../../src/graph/facts.js';
import { readDocumentFile, type SourceDocument } from '../../src/ingest/formats/index.js';
import { BACKGROUND_DAYS, buildEvent, isBackground } from '../../eval/events/build-gold.js';
import { defaultCorpusDir, goldDir, labelsDir, readGold, seedTextFile, type GoldArticle, type LabelledArticle } from '../../eval/events/gold-format.js';
import { selectArticles, splitOf } from '../../eval/events/select-articles.js';
import { createHash } from 'node:crypto';

const gold = readGold();
const afp = gold.filter((article) => article.corpus === 'afp-1997');
const seed = gold.filter((article) => article.corpus === 'seed');
const corpusPresent = existsSync(defaultCorpusDir);

async function documentOf(article: GoldArticle): Promise<SourceDocument> {
  const [document] = await readDocumentFile(article.corpus === 'seed' ? seedTextFile : join(defaultCorpusDir, article.file));
  return document!;
}

const isDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
const lastDayOfMonth = (day: string) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).toISOString().slice(0, 10);

describe('the event gold sample', () => {
  it('holds at least 60 AFP reports and the seed, each once', () => {
    expect(afp.length).toBeGreaterThanOrEqual(60);
    expect(seed).toHaveLength(1);
    expect(new Set(gold.map((article) => article.file)).size).toBe(gold.length);
  });

  it('is the list the selection rule wrote, with its stories and splits', () => {
    const rows = readFileSync(join(goldDir, 'articles.tsv'), 'utf8').trim().split('\n').slice(1).map((row) => row.split('\t'));
    expect(rows.map((row) => row[0]).sort()).toEqual(afp.map((article) => article.file).sort());
    for (const article of afp) {
      const row = rows.find((entry) => entry[0] === article.file)!;
      expect([article.story, article.split], article.file).toEqual([row[1], row[2]]);
      expect(article.split, article.file).toBe(splitOf(article.file));
    }
    expect(seed[0]!.split).toBe('tuning');
  });

  it('spans several stories and both splits', () => {
    const stories = new Set(afp.map((article) => article.story));
    expect(stories.size).toBeGreaterThanOrEqual(5);
    expect(afp.filter((article) => article.split === 'heldout').length).toBeGreaterThanOrEqual(10);
    expect(afp.filter((article) => article.split === 'tuning').length).toBeGreaterThanOrEqual(30);
  });
});

describe('every gold event', () => {
  const events = gold.flatMap((article) => article.events.map((event) => ({ article, event, where: `${article.file} ${event.key} (${event.cluster})` })));

  it('has a type, roles and a date the schema allows', () => {
    const types = Object.values(EventType).filter((type) => type !== 'STORY');
    for (const { event, where } of events) {
      expect(types, where).toContain(event.type);
      for (const place of event.places) expect(Object.values(PlaceRole), where).toContain(place.role);
      for (const participant of event.participants) expect(Object.values(ParticipantRole), where).toContain(participant.role);
      expect(Object.values(DatePrecision), where).toContain(event.date.precision);
      expect(isDay(event.date.startsOn) && isDay(event.date.endsOn), where).toBe(true);
      expect(event.date.startsOn <= event.date.endsOn, where).toBe(true);
      if (event.date.precision === 'MONTH') {
        expect(event.date.startsOn.endsWith('-01'), where).toBe(true);
        expect(event.date.endsOn, where).toBe(lastDayOfMonth(event.date.startsOn));
      }
      if (event.date.precision === 'YEAR') expect([event.date.startsOn.slice(4), event.date.endsOn.slice(4)], where).toEqual(['-01-01', '-12-31']);
    }
  });

  it('is background exactly when it ended more than the stated days before the report', () => {
    for (const { article, event, where } of events) expect(event.background, where).toBe(!event.undated && isBackground(event.date, article.publishedOn));
    expect(BACKGROUND_DAYS).toBe(30);
  });

  it('has at least one mention, none shared with another event of its article', () => {
    for (const article of gold) {
      const spans = article.events.flatMap((event) => event.mentions.map((mention) => `${mention.start}-${mention.end}`));
      expect(new Set(spans).size, article.file).toBe(spans.length);
      for (const event of article.events) expect(event.mentions.length, `${article.file} ${event.key}`).toBeGreaterThan(0);
    }
  });

  it('belongs to a cluster whose key is a slug, one per article, and of one type across articles', () => {
    const typeOf = new Map<string, string>();
    for (const { article, event, where } of events) {
      expect(event.cluster, where).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(article.events.filter((other) => other.cluster === event.cluster), where).toHaveLength(1);
      expect(typeOf.get(event.cluster) ?? event.type, where).toBe(event.type);
      typeOf.set(event.cluster, event.type);
    }
    // The merging score is only meaningful if some real events are told by several reports.
    const articlesOf = new Map<string, number>();
    for (const { event } of events) articlesOf.set(event.cluster, (articlesOf.get(event.cluster) ?? 0) + 1);
    expect([...articlesOf.values()].filter((count) => count > 1).length).toBeGreaterThanOrEqual(10);
  });
});

describe.skipIf(!corpusPresent)(`the gold against the texts the project reads (${defaultCorpusDir})`, () => {
  it('points every span at its own text, in the reader\'s text, unchanged since labelling', async () => {
    for (const article of gold) {
      const document = await documentOf(article);
      expect(createHash('sha1').update(document.text).digest('hex'), article.file).toBe(article.textSha1);
      expect(document.publishedAt.slice(0, 10), article.file).toBe(article.publishedOn);
      for (const event of article.events)
        for (const mention of event.mentions) expect(document.text.slice(mention.start, mention.end), `${article.file} ${event.key}`).toBe(mention.text);
    }
  });

  it('names places and participants as the text (or the dateline) writes them', async () => {
    for (const article of gold) {
      const document = await documentOf(article);
      for (const event of article.events) {
        for (const place of event.places) {
          if (place.fromDateline) expect(document.filedFrom?.toLowerCase(), `${article.file} ${event.key}`).toBe(place.name.toLowerCase());
          else expect(document.text, `${article.file} ${event.key} place`).toContain(place.name);
        }
        for (const participant of event.participants) expect(document.text, `${article.file} ${event.key} participant`).toContain(participant.name);
      }
    }
  });

  it('is the sample the selection rule picks from the corpus today', async () => {
    const rows = readFileSync(join(goldDir, 'articles.tsv'), 'utf8').trim().split('\n').slice(1);
    const selected = await selectArticles(defaultCorpusDir);
    expect(selected.map((article) => [article.file, article.story, article.split, String(article.chars), article.title].join('\t'))).toEqual(rows);
  });

  it('is exactly what the labels build to (nobody edited the gold by hand)', async () => {
    for (const name of readdirSync(labelsDir).filter((file) => file.endsWith('.json'))) {
      const labels = JSON.parse(readFileSync(join(labelsDir, name), 'utf8')) as LabelledArticle;
      const article = gold.find((entry) => entry.file === labels.file)!;
      expect(article, name).toBeDefined();
      const document = await documentOf(article);
      const rebuilt = labels.events.map((event, index) => buildEvent(document, event, index, article.publishedOn, name));
      expect(article.events, name).toEqual(rebuilt);
    }
  });
});

describe('the seed in the gold', () => {
  const facts = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../examples/seed/000_09a13298e7180d8f.facts.json'), 'utf8')) as ArticleFacts;

  it('reads the seed facts\' text, so their offsets and ours agree (the reader drops one trailing newline)', async () => {
    const text = (await documentOf(seed[0]!)).text;
    expect(facts.article.text.startsWith(text)).toBe(true);
    expect(facts.article.text.slice(text.length).trim()).toBe('');
  });

  it('has the seed facts\' events, each trigger inside a seed mention of an event of the same type and date', () => {
    expect(seed[0]!.events).toHaveLength(facts.events.length);
    for (const event of seed[0]!.events) {
      const counterpart = facts.events.filter((fact) => fact.type === event.type && fact.date.startsOn === event.date.startsOn && fact.date.endsOn === event.date.endsOn)
        .find((fact) => event.mentions.every((mention) => fact.mentions.some((span) => span.start <= mention.start && mention.end <= span.end)));
      expect(counterpart, event.cluster).toBeDefined();
    }
  });
});
