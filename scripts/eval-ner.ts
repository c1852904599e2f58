/**
 * Scores extractEntities on the CoNLL-2003 dev articles (testa/*.json, text passed unchanged)
 * with the shared ner-score tool, and reports the tagger's speed.
 * Usage: npm run eval:ner [-- DIRECTORY_WITH_JSON_AND_gold.ndjson] [--out FILE]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractEntities } from '../src/ingest/extract/entities.js';
import { tokenizeNews } from '../src/ingest/ner/tokenizer.js';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(repositoryRoot, '../shared');
const positional = process.argv.slice(2).filter((argument, index, all) => !argument.startsWith('--') && all[index - 1] !== '--out');
const articleDirectory = resolve(positional[0] ?? join(shared, 'datasets/conll2003/testa'));
const outArgument = process.argv.indexOf('--out');
const outputPath = resolve(outArgument > 0 ? process.argv[outArgument + 1]! : join(repositoryRoot, 'data/eval/ner-testa.ndjson'));
const goldPath = join(articleDirectory, 'gold.ndjson');
const scorer = join(shared, 'tools/ner-score');

for (const required of [articleDirectory, goldPath, scorer]) {
  if (!existsSync(required)) throw new Error(`${required} is missing; the evaluation needs the shared datasets and tools beside the repository`);
}

const files = readdirSync(articleDirectory).filter((name) => name.endsWith('.json')).sort();
const articles = files.map((name) => {
  const article = JSON.parse(readFileSync(join(articleDirectory, name), 'utf8')) as { text?: unknown };
  if (typeof article.text !== 'string') throw new Error(`${join(articleDirectory, name)}: field "text" must be a string`);
  return { source: join(articleDirectory, name), text: article.text };
});

const loadStarted = performance.now();
extractEntities('Warm-up in London.');
const loadMilliseconds = performance.now() - loadStarted;

let tokenCount = 0;
let taggingMilliseconds = 0;
const lines: string[] = [];
for (const article of articles) {
  tokenCount += tokenizeNews(article.text).length;
  const started = performance.now();
  const entities = extractEntities(article.text);
  taggingMilliseconds += performance.now() - started;
  lines.push(JSON.stringify({ source: article.source, text: article.text, entities }));
}
mkdirSync(dirname(outputPath), { recursive: true });
writeFileSync(outputPath, `${lines.join('\n')}\n`);
console.log(
  `tagged ${articles.length} articles, ${tokenCount} tokens in ${(taggingMilliseconds / 1000).toFixed(2)} s: ${Math.round(tokenCount / (taggingMilliseconds / 1000))} tokens/s (model load + first call ${loadMilliseconds.toFixed(0)} ms); wrote ${outputPath}`,
);

const scored = spawnSync(scorer, [goldPath, outputPath], { encoding: 'utf8' });
process.stdout.write(scored.stdout);
process.stderr.write(scored.stderr);
if (scored.status !== 0) throw new Error(`${scorer} exited with ${scored.status}`);
