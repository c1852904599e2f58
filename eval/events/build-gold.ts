/**
 * `npx tsx eval/events/build-gold.ts [corpus-dir]` turns the hand-written labels (eval/events/labels/*.json:
 * trigger phrases, short dates) into the gold (eval/events/gold/*.json: offsets into the text exactly as the
 * project's reader gives it, full dates). Offsets are found, never counted by hand: a trigger must occur once in
 * its context, and the context once in the text, or the build stops and names the label to fix.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { readDocumentFile } from '../../src/ingest/formats/index.js';
import type { SourceDocument } from '../../src/ingest/formats/source-document.js';
import {
  defaultCorpusDir,
  goldDir,
  labelsDir,
  seedTextFile,
  type GoldArticle,
  type GoldDate,
  type GoldEvent,
  type GoldSpan,
  type LabelledArticle,
  type LabelledEvent,
  type Split,
} from './gold-format.js';

const articlesList = resolve(goldDir, 'articles.tsv');
const SEED_FILE = 'examples/seed/000_09a13298e7180d8f.txt';
/** How far before the report an event must have ended to be background (history, not this report's news). */
export const BACKGROUND_DAYS = 30;

export class LabelError extends Error {}

/** Finds a mention ("trigger" or "trigger @ context") in the text; throws naming the problem when it is not unique. */
export function locateMention(text: string, mention: string, where: string): GoldSpan {
  const [trigger, context] = mention.split(' @ ').map((part) => part.trim()) as [string, string | undefined];
  if (!trigger) throw new LabelError(`${where}: empty trigger in "${mention}"`);
  const haystack = context ?? trigger;
  const at = occurrences(text, haystack);
  if (at.length !== 1)
    throw new LabelError(`${where}: "${haystack}" occurs ${at.length} times in the text; ${at.length ? 'add a longer context after " @ "' : 'check the spelling against the text'}`);
  const inContext = occurrences(haystack, trigger);
  if (inContext.length !== 1) throw new LabelError(`${where}: trigger "${trigger}" occurs ${inContext.length} times in its context "${haystack}"`);
  const start = at[0]! + inContext[0]!;
  return { start, end: start + trigger.length, text: trigger };
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** "1997-04-22" → that day; "1997-04" → the month; "1997" → the year; "a..b" → a day range. */
export function expandDate(on: string, approximate: boolean | undefined, where: string): GoldDate {
  const extra = approximate ? { approximate: true } : {};
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(on);
  if (range) return { startsOn: validDay(range[1]!, where), endsOn: validDay(range[2]!, where), precision: 'DAY', ...extra };
  if (/^\d{4}-\d{2}-\d{2}$/.test(on)) return { startsOn: validDay(on, where), endsOn: on, precision: 'DAY', ...extra };
  const month = /^(\d{4})-(\d{2})$/.exec(on);
  if (month) {
    const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
    return { startsOn: validDay(`${on}-01`, where), endsOn: validDay(`${on}-${String(last).padStart(2, '0')}`, where), precision: 'MONTH', ...extra };
  }
  if (/^\d{4}$/.test(on)) return { startsOn: `${on}-01-01`, endsOn: `${on}-12-31`, precision: 'YEAR', ...extra };
  throw new LabelError(`${where}: date "${on}" is none of YYYY-MM-DD, YYYY-MM, YYYY, YYYY-MM-DD..YYYY-MM-DD`);
}

function validDay(day: string, where: string): string {
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) throw new LabelError(`${where}: "${day}" is no calendar day`);
  return day;
}

export function isBackground(date: GoldDate, publishedOn: string): boolean {
  const days = (Date.parse(`${publishedOn}T00:00:00Z`) - Date.parse(`${date.endsOn}T00:00:00Z`)) / 86_400_000;
  return days > BACKGROUND_DAYS;
}

function checkNamed(document: SourceDocument, name: string, dateline: boolean, where: string): void {
  if (dateline) {
    if (!document.filedFrom || document.filedFrom.toLowerCase() !== name.toLowerCase())
      throw new LabelError(`${where}: "${name}" is not the dateline place (${document.filedFrom ?? 'none'})`);
  } else if (!document.text.includes(name)) throw new LabelError(`${where}: "${name}" is not written in the text`);
}

export function buildEvent(document: SourceDocument, labelled: LabelledEvent, index: number, publishedOn: string, where: string): GoldEvent {
  const here = `${where} event ${index} (${labelled.cluster})`;
  const undated = labelled.on === 'undated';
  const date = undated ? { startsOn: publishedOn, endsOn: publishedOn, precision: 'DAY' as const, approximate: true } : expandDate(labelled.on, labelled.approximate, here);
  if (labelled.precision === 'WEEK') date.precision = 'WEEK';
  if (date.startsOn > date.endsOn) throw new LabelError(`${here}: starts ${date.startsOn} after it ends ${date.endsOn}`);
  const places = (labelled.places ?? []).map(([name, role, dateline]) => {
    checkNamed(document, name, dateline === 'dateline', here);
    return { name, role, ...(dateline === 'dateline' ? { fromDateline: true } : {}) };
  });
  const participants = (labelled.participants ?? []).map(([name, role]) => {
    checkNamed(document, name, false, here);
    return { name, role };
  });
  if (labelled.mentions.length === 0) throw new LabelError(`${here}: no mention`);
  const mentions = labelled.mentions.map((mention) => locateMention(document.text, mention, here)).sort((a, b) => a.start - b.start);
  return {
    key: `e${index + 1}`,
    cluster: labelled.cluster,
    type: labelled.type,
    date,
    // An undated event's day is the report's by convention, so whether it is background cannot be derived.
    background: undated ? false : isBackground(date, publishedOn),
    ...(undated ? { undated: true } : {}),
    places,
    participants,
    mentions,
  };
}

interface ListedArticle {
  story: string;
  split: Split;
}

function readArticleList(): Map<string, ListedArticle> {
  const rows = readFileSync(articlesList, 'utf8').trim().split('\n').slice(1);
  return new Map(rows.map((row) => {
    const [file, story, split] = row.split('\t') as [string, string, Split];
    return [file, { story, split }];
  }));
}

async function readOne(file: string, corpusDir: string): Promise<SourceDocument> {
  const path = file === SEED_FILE ? seedTextFile : join(corpusDir, file);
  const [document] = await readDocumentFile(path);
  if (!document) throw new LabelError(`${file}: the reader found no document`);
  return document;
}

async function main(argv: string[]): Promise<void> {
  const corpusDir = resolve(argv[0] ?? defaultCorpusDir);
  const listed = readArticleList();
  const labelFiles = readdirSync(labelsDir).filter((name) => name.endsWith('.json')).sort();
  mkdirSync(goldDir, { recursive: true });
  for (const name of readdirSync(goldDir)) if (name.endsWith('.json')) rmSync(join(goldDir, name));
  let events = 0;
  let mentions = 0;
  const problems: string[] = [];
  for (const labelFile of labelFiles) {
    const labelled = JSON.parse(readFileSync(join(labelsDir, labelFile), 'utf8')) as LabelledArticle;
    const isSeed = labelled.file === SEED_FILE;
    const entry = isSeed ? { story: 'seed', split: 'tuning' as const } : listed.get(labelled.file);
    if (!entry) {
      problems.push(`${labelFile}: ${labelled.file} is not in gold/articles.tsv`);
      continue;
    }
    try {
      const document = await readOne(labelled.file, corpusDir);
      const publishedOn = document.publishedAt.slice(0, 10);
      const gold: GoldArticle = {
        file: labelled.file,
        corpus: isSeed ? 'seed' : 'afp-1997',
        story: entry.story,
        split: entry.split,
        publishedOn,
        textSha1: createHash('sha1').update(document.text).digest('hex'),
        textLength: document.text.length,
        events: labelled.events.map((event, index) => buildEvent(document, event, index, publishedOn, labelFile)),
      };
      events += gold.events.length;
      mentions += gold.events.reduce((sum, event) => sum + event.mentions.length, 0);
      writeFileSync(join(goldDir, `${basename(labelFile, '.json')}.json`), `${JSON.stringify(gold, null, 1)}\n`);
    } catch (error) {
      if (!(error instanceof LabelError)) throw error;
      problems.push(error.message);
    }
  }
  for (const problem of problems) process.stderr.write(`label problem: ${problem}\n`);
  process.stderr.write(`gold: ${labelFiles.length - problems.length}/${labelFiles.length} articles built, ${events} events, ${mentions} mentions, ${problems.length} problems\n`);
  process.exitCode = problems.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main(process.argv.slice(2));
