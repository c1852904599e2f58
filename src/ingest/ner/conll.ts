import { readFileSync } from 'node:fs';
import { ENTITY_TYPES, spansFromTags, tagIndex, type EntityType } from './tagset.js';

/** A CoNLL-2003 document: sentences of tokens with IOB2 tag indices. */
export interface ConllDocument {
  sentences: Array<{ words: string[]; tags: Uint8Array }>;
}

/** Reads a CoNLL-2003 file ("token POS chunk tag" lines, blank lines between sentences, -DOCSTART- between documents). */
export function readConllDocuments(path: string): ConllDocument[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read CoNLL-2003 data at ${path}: ${(error as Error).message}; is /work/shared/datasets/conll2003 in place?`);
  }
  const documents: ConllDocument[] = [];
  let document: ConllDocument = { sentences: [] };
  let words: string[] = [];
  let rawTags: string[] = [];
  const closeSentence = (): void => {
    if (words.length > 0) document.sentences.push({ words, tags: Uint8Array.from(toIob2(rawTags), tagIndex) });
    words = [];
    rawTags = [];
  };
  content.split('\n').forEach((line, lineIndex) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('-DOCSTART-')) {
      closeSentence();
      if (document.sentences.length > 0) documents.push(document);
      document = { sentences: [] };
      return;
    }
    if (trimmed === '') {
      closeSentence();
      return;
    }
    const columns = trimmed.split(' ');
    const tag = columns[columns.length - 1]!;
    if (columns.length < 2 || !/^(?:O|[BI]-(?:PER|ORG|LOC|MISC))$/.test(tag)) {
      throw new Error(`${path} line ${lineIndex + 1}: expected "token POS chunk tag", got "${trimmed}"`);
    }
    words.push(columns[0]!);
    rawTags.push(tag);
  });
  closeSentence();
  if (document.sentences.length > 0) documents.push(document);
  return documents;
}

/** CoNLL-2003 uses IOB1 (B- only between two adjacent entities of one type); the tagger uses IOB2. */
export function toIob2(tags: readonly string[]): string[] {
  return tags.map((tag, index) => {
    if (!tag.startsWith('I-')) return tag;
    const previous = tags[index - 1] ?? 'O';
    return previous === 'O' || previous.slice(2) !== tag.slice(2) ? `B-${tag.slice(2)}` : tag;
  });
}

export interface TypeScore {
  gold: number;
  predicted: number;
  correct: number;
}

/** Exact-span counts per entity type, conlleval style. */
export class SpanScoreboard {
  readonly byType = new Map<EntityType, TypeScore>(ENTITY_TYPES.map((type) => [type, { gold: 0, predicted: 0, correct: 0 }]));

  addSentence(goldTags: ArrayLike<number>, predictedTags: ArrayLike<number>): void {
    const gold = spansFromTags(goldTags);
    const predicted = spansFromTags(predictedTags);
    const goldKeys = new Set(gold.map((span) => `${span.start}:${span.end}:${span.type}`));
    for (const span of gold) this.byType.get(span.type)!.gold += 1;
    for (const span of predicted) {
      const score = this.byType.get(span.type)!;
      score.predicted += 1;
      if (goldKeys.has(`${span.start}:${span.end}:${span.type}`)) score.correct += 1;
    }
  }

  f1(types: readonly EntityType[]): number {
    return prf(this.total(types)).f1;
  }

  total(types: readonly EntityType[]): TypeScore {
    const total = { gold: 0, predicted: 0, correct: 0 };
    for (const type of types) {
      const score = this.byType.get(type)!;
      total.gold += score.gold;
      total.predicted += score.predicted;
      total.correct += score.correct;
    }
    return total;
  }

  report(types: readonly EntityType[]): string {
    const lines = types.map((type) => formatScore(type, this.byType.get(type)!));
    lines.push(formatScore('ALL', this.total(types)));
    return lines.join('\n');
  }
}

export function prf(score: TypeScore): { precision: number; recall: number; f1: number } {
  const precision = score.predicted === 0 ? 0 : score.correct / score.predicted;
  const recall = score.gold === 0 ? 0 : score.correct / score.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function formatScore(label: string, score: TypeScore): string {
  const { precision, recall, f1 } = prf(score);
  return `${label.padEnd(4)} P=${precision.toFixed(4)} R=${recall.toFixed(4)} F1=${f1.toFixed(4)} (gold ${score.gold}, predicted ${score.predicted}, correct ${score.correct})`;
}
