/**
 * `npm run ingest -- <files|dirs|globs>`: reads articles (plain text, TimeML, JSON/NDJSON), extracts their
 * facts and stores each article in its own transaction. A bad file is reported and skipped; the batch goes on.
 * Progress goes to stderr; the last line is a summary.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig, ConfigError } from '../config.js';
import { openDatabase } from '../db/database.js';
import { Worker } from 'node:worker_threads';
import { storeArticleFacts } from '../graph/store-article.js';
import { BatchConsolidation } from '../graph/story-consolidation.js';
import type { ExtractReply, ExtractRequest } from '../ingest/extract-worker.js';
import { InputError } from '../ingest/formats/input-error.js';
import { listInputFiles } from '../ingest/formats/index.js';
import type { StoreCounts } from '../graph/store-article.js';

const usage = 'usage: npm run ingest -- <file|directory|glob>...';

interface Tally {
  files: number;
  articlesNew: number;
  articlesUnchanged: number;
  failures: number;
  created: StoreCounts;
  /** Stories merged into another by consolidation, and events merged into another of the same story. */
  storiesMerged: number;
  occasionsMerged: number;
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
    created: { people: 0, organizations: 0, places: 0, sources: 0, events: 0, stories: 0, claims: 0, mentions: 0 },
    storiesMerged: 0,
    occasionsMerged: 0,
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
  // Stories are consolidated every 400 new articles and at the end; the embedded database's statistics are
  // refreshed after each time: plans made for an empty database slow every later article down (measured on
  // the AFP corpus: about 10% of the ingest rate).
  const consolidation = new BatchConsolidation(database.prisma);
  try {
    let index = 0;
    for await (const reply of extractedFiles(files)) {
      if ('error' in reply) {
        tally.failures += 1;
        process.stderr.write(`\nerror: ${reply.error}\n`);
      } else {
        for (const article of reply.articles) {
          try {
            if (!article.facts) throw new Error(article.error);
            const result = await storeArticleFacts(database.prisma, article.facts);
            if (result.status === 'created') {
              tally.articlesNew += 1;
              if (await consolidation.stored(article.facts.article.publishedOn)) await database.maintain();
              for (const key of Object.keys(tally.created) as (keyof StoreCounts)[]) tally.created[key] += result.created[key];
            } else tally.articlesUnchanged += 1;
          } catch (error) {
            tally.failures += 1;
            report(error, article.source);
          }
        }
      }
      tally.files += 1;
      index += 1;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const seconds = (performance.now() - started) / 1000;
      if (interactive && (index % 10 === 0 || index === files.length)) process.stderr.write(`\r${progressLine(index, files.length, tally, seconds)}`);
      else if (!interactive && (index % 250 === 0 || index === files.length)) process.stderr.write(`${progressLine(index, files.length, tally, seconds)}\n`);
    }
    if (interactive && files.length) process.stderr.write('\n');
    if (tally.articlesNew > 0) process.stderr.write('ingest: weighing the stories of every day this run stored, to merge those told twice\n');
    if (await consolidation.finish()) await database.maintain();
    tally.storiesMerged = consolidation.merged;
    tally.occasionsMerged = consolidation.occasionsMerged;
  } finally {
    await database.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const articles = tally.articlesNew + tally.articlesUnchanged;
  const { created } = tally;
  process.stderr.write(
    `ingest: ${articles} articles from ${tally.files} files: ${tally.articlesNew} new, ${tally.articlesUnchanged} unchanged, ${tally.failures} failed; ` +
      `created ${created.events} events, ${created.stories} stories, ${created.people} people, ${created.organizations} organizations, ${created.places} places, ${created.sources} sources, ${created.claims} claims, ${created.mentions} mentions; ` +
      `merged ${tally.storiesMerged} stories into others told alike and ${tally.occasionsMerged} events into one its story told already; ` +
      `${seconds.toFixed(1)} s (${(articles / Math.max(seconds, 0.001)).toFixed(1)} articles/s), peak memory ${Math.round(peakRss / 1024 / 1024)} MB\n`,
  );
  return articles === 0 && tally.failures > 0 ? 1 : 0;
}

/**
 * The files' extracted facts, in order, read and extracted by a worker thread a few files ahead of the
 * caller, so extraction runs on one core while the database writes on the other.
 */
async function* extractedFiles(files: string[]): AsyncGenerator<ExtractReply> {
  // The worker runs TypeScript like this process does: it registers tsx's loader, then imports the module.
  const workerModule = new URL('../ingest/extract-worker.ts', import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(workerModule)}); })`,
    { eval: true },
  );
  const waiting = new Map<number, { resolve: (reply: ExtractReply) => void; reject: (error: Error) => void }>();
  worker.on('message', (reply: ExtractReply) => {
    waiting.get(reply.id)?.resolve(reply);
    waiting.delete(reply.id);
  });
  worker.on('error', (error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  });
  const request = (id: number) =>
    new Promise<ExtractReply>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, file: files[id]! } satisfies ExtractRequest);
    });
  const ahead = 16;
  const replies: Promise<ExtractReply>[] = [];
  try {
    for (let id = 0; id < Math.min(ahead, files.length); id += 1) replies.push(request(id));
    for (let id = 0; id < files.length; id += 1) {
      const reply = await replies[id]!;
      if (replies.length < files.length) replies.push(request(replies.length));
      yield reply;
    }
  } finally {
    await worker.terminate();
  }
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
