// Benchmark: sources and claims over the AFP corpus (../shared/datasets/afp-1997), NER excluded, as the ingest
// pipeline runs them after entity recognition. Prints the time per article, median of 5 passes after a warm-up.
// Usage: npm run bench:claims
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractClaims } from '../../src/ingest/extract/claims.js';
import { extractSources } from '../../src/ingest/extract/sources.js';
import { parseTimeMLDocument } from '../../src/ingest/formats/timeml.js';

const corpus = '../shared/datasets/afp-1997';
const files = readdirSync(corpus).filter((file) => file.endsWith('.tml'));
const documents = files.map((file) => parseTimeMLDocument(readFileSync(join(corpus, file), 'utf8'), file));

function pass(): { milliseconds: number; claims: number } {
  let claims = 0;
  const started = performance.now();
  for (const document of documents) {
    const sources = extractSources(document.text, [], document.publisher ? { publisher: document.publisher } : {});
    claims += extractClaims(document.text, sources).length;
  }
  return { milliseconds: performance.now() - started, claims };
}

pass();
const runs = Array.from({ length: 5 }, pass).sort((a, b) => a.milliseconds - b.milliseconds);
const median = runs[2]!;
console.log(`${documents.length} articles, ${median.claims} claims`);
console.log(`sources and claims: ${(median.milliseconds / documents.length).toFixed(3)} ms per article (median of 5 passes)`);
