// Benchmark: entity recognition (tokenizer, tagger and the rules after it, as `extractEntities` runs them) over the
// CoNLL-2003 dev articles. Prints tokens per second of each pass after a warm-up, and their median, so a passing
// load on the machine shows as one slow pass rather than a wrong figure.
// Usage: npm run bench:tagger [-- --passes N]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractEntities } from '../../src/ingest/extract/entities.js';
import { tokenizeNews } from '../../src/ingest/ner/tokenizer.js';

const directory = '../shared/datasets/conll2003/testa';
const passesArgument = process.argv.indexOf('--passes');
const passes = passesArgument > 0 ? Number(process.argv[passesArgument + 1]) : 7;
if (!Number.isInteger(passes) || passes < 1) throw new Error(`--passes must be a positive whole number, not "${process.argv[passesArgument + 1]}"`);

const texts = readdirSync(directory)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => (JSON.parse(readFileSync(join(directory, name), 'utf8')) as { text: string }).text);
const tokens = texts.reduce((total, text) => total + tokenizeNews(text).length, 0);

function pass(): number {
  const started = performance.now();
  for (const text of texts) extractEntities(text);
  return tokens / ((performance.now() - started) / 1000);
}

pass();
const rates = Array.from({ length: passes }, pass);
const median = [...rates].sort((left, right) => left - right)[Math.floor(passes / 2)]!;
console.log(`${texts.length} articles, ${tokens} tokens; tokens/s per pass: ${rates.map((rate) => Math.round(rate)).join(', ')}`);
console.log(`entity recognition: ${Math.round(median)} tokens/s (median of ${passes} passes after a warm-up)`);
