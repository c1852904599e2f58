// Scores place resolution on TR-News with the shared scorer, on the whole set and on two fixed halves: the
// tuning half (weights were set looking at it) and the held-out half (looked at only to check). Usage:
//   npm run eval:places [-- <articles.ndjson> <gold.ndjson>]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractDocument } from '../src/ingest/extract/document.js';
import { readDocumentFile } from '../src/ingest/formats/index.js';

const shared = new URL('../../shared/', import.meta.url).pathname;
const [articlesPath = join(shared, 'datasets/trnews/articles.ndjson'), goldPath = join(shared, 'datasets/trnews/gold.ndjson')] = process.argv.slice(2);
const scorer = join(shared, 'tools/geo-score');

const started = performance.now();
const documents = await readDocumentFile(articlesPath);
const extracted = documents.map((document) => extractDocument(document));
const seconds = (performance.now() - started) / 1000;

// The graph's view: named places and the places mentioned without a name (demonyms, institutions' places), as the
// server's Article.placeMentions lists them; and named places alone, as `npm run extract` lists them in `entities`.
const work = mkdtempSync(join(tmpdir(), 'newsline-places-'));
const extractPath = join(work, 'extract.ndjson');
const namedOnlyPath = join(work, 'extract-named.ndjson');
writeFileSync(extractPath, `${extracted.map((document) => JSON.stringify({ ...document, entities: [...document.entities, ...document.placeMentions] })).join('\n')}\n`);
writeFileSync(namedOnlyPath, `${extracted.map((document) => JSON.stringify(document)).join('\n')}\n`);

/** Held out: articles whose URL hashes to an odd first byte; stable across runs and machines. */
const heldOut = (url: string) => createHash('sha1').update(url).digest()[0]! % 2 === 1;
const gold = readFileSync(goldPath, 'utf8').split('\n').filter(Boolean);
const halves = {
  tuning: gold.filter((line) => !heldOut((JSON.parse(line) as { url: string }).url)),
  'held-out': gold.filter((line) => heldOut((JSON.parse(line) as { url: string }).url)),
};

console.log(`extracted ${documents.length} articles in ${seconds.toFixed(1)} s`);
for (const [name, part] of [['all', gold], ...Object.entries(halves)] as const) {
  const partPath = join(work, `gold-${name}.ndjson`);
  writeFileSync(partPath, `${part.join('\n')}\n`);
  const output = execFileSync('python3', [scorer, extractPath, partPath], { encoding: 'utf8' });
  console.log(`\n## ${name} (${part.length} articles)\n${output.trim()}`);
}
const namedOnly = execFileSync('python3', [scorer, namedOnlyPath, goldPath], { encoding: 'utf8' });
console.log(`\n## all, named places only (no demonyms, no places inside institutions' names)\n${namedOnly.trim()}`);
