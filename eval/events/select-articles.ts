/**
 * `npx tsx eval/events/select-articles.ts [corpus-dir]` prints the gold sample: which AFP reports were labelled, the
 * story each was chosen for, and its split. The rule is mechanical so that nobody picks articles the extractor
 * happens to get right:
 *   - only AFP_ENG_1997*.tml (the April-1997 AFP reports), text 150–2,200 characters as the project reads it
 *     (short enough to label every event, long enough to hold some);
 *   - stories by their title, in this order, each article taken by the first story whose pattern its title matches;
 *     within a story the articles are ordered by sha1 of the file name and the first `take` are kept;
 *   - "other" is every remaining article (titles of the five stories excluded), in the same hash order;
 *   - split: held-out when the last hex digit of sha1(file name) is 0–4 (about 5/16), tuning otherwise. A different
 *     digit from the one that orders the sample, so the split does not follow the order of selection.
 */
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { listInputFiles, readDocumentFile } from '../../src/ingest/formats/index.js';

export interface StoryRule {
  story: string;
  title: RegExp | null;
  take: number;
}

export const storyRules: StoryRule[] = [
  { story: 'lima-hostage-crisis', title: /\b(?:peru|peruvian|lima|fujimori)\b|japanese hostage|hostage-takers|japanese ambassador/i, take: 99 },
  { story: 'zaire-rebellion', title: /\b(?:zaire|zairean|kabila|mobutu|kinshasa|lubumbashi|kisangani)\b/i, take: 12 },
  { story: 'albania-unrest', title: /\b(?:albania|albanian|tirana|vlore)\b/i, take: 10 },
  { story: 'mecca-fire-and-pilgrims', title: /\b(?:mecca|pilgrims?|hajj)\b/i, take: 99 },
  { story: 'elections', title: /\b(?:election|elections|polls?|vote|voters)\b/i, take: 8 },
  { story: 'other', title: null, take: 18 },
];

export const MIN_CHARS = 150;
export const MAX_CHARS = 2200;

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The split of one gold article, from its file name alone. */
export function splitOf(fileName: string): 'tuning' | 'heldout' {
  return parseInt(sha1(fileName).slice(-1), 16) <= 4 ? 'heldout' : 'tuning';
}

interface Candidate {
  file: string;
  title: string;
  chars: number;
}

export interface SelectedArticle {
  file: string;
  story: string;
  split: 'tuning' | 'heldout';
  chars: number;
  title: string;
}

/** The sample the rule picks from a corpus directory, in the order of `gold/articles.tsv`. */
export async function selectArticles(corpus: string): Promise<SelectedArticle[]> {
  const candidates: Candidate[] = [];
  for (const file of await listInputFiles([corpus])) {
    if (!basename(file).startsWith('AFP_ENG_1997')) continue;
    for (const document of await readDocumentFile(file)) candidates.push({ file: basename(file), title: document.title ?? '', chars: document.text.length });
  }
  const claimed = new Set<string>();
  const selected: SelectedArticle[] = [];
  for (const rule of storyRules) {
    const inStory = candidates.filter((candidate) => !claimed.has(candidate.file) && (rule.title === null || rule.title.test(candidate.title)));
    // A story's titles are claimed even when too long to label, so "other" holds none of the five stories.
    for (const candidate of inStory) if (rule.title !== null) claimed.add(candidate.file);
    const eligible = inStory
      .filter((candidate) => candidate.chars >= MIN_CHARS && candidate.chars <= MAX_CHARS)
      .sort((a, b) => sha1(a.file).localeCompare(sha1(b.file)))
      .slice(0, rule.take);
    for (const candidate of eligible) {
      claimed.add(candidate.file);
      selected.push({ ...candidate, story: rule.story, split: splitOf(candidate.file) });
    }
  }
  return selected;
}

async function main(argv: string[]): Promise<void> {
  const corpus = resolve(argv[0] ?? resolve(import.meta.dirname, '../../../shared/datasets/afp-1997'));
  process.stdout.write('file\tstory\tsplit\tchars\ttitle\n');
  for (const article of await selectArticles(corpus))
    process.stdout.write(`${article.file}\t${article.story}\t${article.split}\t${article.chars}\t${article.title}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main(process.argv.slice(2));
