/**
 * `npm run ingest -- <files|dirs|globs>`: reads articles (plain text, TimeML, JSON/NDJSON), extracts their
 * facts and stores each article in its own transaction. A bad file is reported and skipped; the batch goes on.
 * Progress goes to stderr; the last line is a summary.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig, ConfigError } from '../config.js';
import { openDatabase } from '../db/database.js';
import { ingestDocument } from '../graph/ingest-article.js';
import { InputError } from '../ingest/formats/input-error.js';
import { listInputFiles, readDocumentFile } from '../ingest/formats/index.js';
import type { StoreCounts } from '../graph/store-article.js';

const usage = 'usage: npm run ingest -- <file|directory|glob>...';

interface Tally {
  files: number;
  articlesNew: number;
  articlesUnchanged: number;
  failures: number;
  created: StoreCounts;
}

function progressLine(done: number, total: number, tally: Tally, seconds: number): string {
  const width = 24;
  const filled = total ? Math.round((done / total) * width) : width;
  const rate = seconds > 0 ? (tally.articlesNew + tally.articlesUnchanged) / seconds : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files, ${tally.articlesNew} new, ${tally.articlesUnchanged} unchanged, ${tally.failures} failed, ${rate.toFixed(1)} articles/s`;
}

async function main(argv: string[]): Promise<number> {
  const patterns = argv.filter((argument) => !argument.startsWith('--'));
  if (patterns.length === 0 || argv.some((argument) => argument.startsWith('--'))) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const config = loadConfig();
  const started = performance.now();
  const tally: Tally = {
    files: 0,
    articlesNew: 0,
    articlesUnchanged: 0,
    failures: 0,
    created: { people: 0, organizations: 0, places: 0, sources: 0, events: 0, claims: 0, mentions: 0 },
  };
  const files: string[] = [];
  for (const pattern of patterns) {
    try {
      files.push(...(await listInputFiles([pattern])));
    } catch (error) {
      tally.failures += 1;
      report(error);
    }
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize });
  process.stderr.write(`ingest: ${files.length} files into ${database.kind} at ${database.location}\n`);
  let peakRss = process.memoryUsage().rss;
  const interactive = process.stderr.isTTY === true;
  try {
    for (const [index, file] of files.entries()) {
      try {
        for (const document of await readDocumentFile(file)) {
          try {
            const result = await ingestDocument(database.prisma, document);
            if (result.status === 'created') {
              tally.articlesNew += 1;
              for (const key of Object.keys(tally.created) as (keyof StoreCounts)[]) tally.created[key] += result.created[key];
            } else tally.articlesUnchanged += 1;
          } catch (error) {
            tally.failures += 1;
            report(error, document.source);
          }
        }
      } catch (error) {
        tally.failures += 1;
        report(error);
      }
      tally.files += 1;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const seconds = (performance.now() - started) / 1000;
      if (interactive && (index % 10 === 9 || index === files.length - 1)) process.stderr.write(`\r${progressLine(index + 1, files.length, tally, seconds)}`);
      else if (!interactive && (index % 250 === 249 || index === files.length - 1)) process.stderr.write(`${progressLine(index + 1, files.length, tally, seconds)}\n`);
    }
    if (interactive && files.length) process.stderr.write('\n');
  } finally {
    await database.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const articles = tally.articlesNew + tally.articlesUnchanged;
  const { created } = tally;
  process.stderr.write(
    `ingest: ${articles} articles from ${tally.files} files: ${tally.articlesNew} new, ${tally.articlesUnchanged} unchanged, ${tally.failures} failed; ` +
      `created ${created.events} events, ${created.people} people, ${created.organizations} organizations, ${created.places} places, ${created.sources} sources, ${created.claims} claims, ${created.mentions} mentions; ` +
      `${seconds.toFixed(1)} s (${(articles / Math.max(seconds, 0.001)).toFixed(1)} articles/s), peak memory ${Math.round(peakRss / 1024 / 1024)} MB\n`,
  );
  return articles === 0 && tally.failures > 0 ? 1 : 0;
}

function report(error: unknown, source?: string): void {
  if (error instanceof InputError) process.stderr.write(`\nerror: ${error.message}\n`);
  else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`\nerror: ${source ? `${source}: ` : ''}${message}\n`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
