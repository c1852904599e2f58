/**
 * `npm run -s extract -- <files|dirs|globs> [--no-entities]`
 * Prints one JSON object per document per line (NDJSON) on stdout; progress, per-file errors and a summary on stderr.
 * Exit code: 0 when at least one file was read, 1 when every file failed, 2 on a usage error.
 * Use `npm run -s` (or `npx tsx src/cli/extract.ts`) so npm's banner stays off stdout.
 */
import { performance } from 'node:perf_hooks';
import { extractDocument } from '../ingest/extract/document.js';
import { InputError } from '../ingest/formats/input-error.js';
import { listInputFiles, readDocumentFile } from '../ingest/formats/index.js';

const USAGE = 'usage: npm run -s extract -- <file|directory|glob>... [--no-entities]';

async function main(argv: string[]): Promise<number> {
  const patterns = argv.filter((argument) => !argument.startsWith('--'));
  const unknown = argv.filter((argument) => argument.startsWith('--') && argument !== '--no-entities');
  if (patterns.length === 0 || unknown.length > 0) {
    process.stderr.write(`${unknown.length ? `unknown option ${unknown.join(' ')}\n` : ''}${USAGE}\n`);
    return 2;
  }
  const withEntities = !argv.includes('--no-entities');
  const started = performance.now();

  const files: string[] = [];
  let failures = 0;
  for (const pattern of patterns) {
    try {
      files.push(...(await listInputFiles([pattern])));
    } catch (error) {
      failures++;
      reportFailure(error);
    }
  }

  let documents = 0;
  let timexes = 0;
  let entities = 0;
  const showProgress = process.stderr.isTTY === true;
  for (const [index, file] of files.entries()) {
    try {
      for (const document of await readDocumentFile(file)) {
        const extracted = extractDocument(document, { entities: withEntities });
        process.stdout.write(`${JSON.stringify(extracted)}\n`);
        documents++;
        timexes += extracted.timexes.length;
        entities += extracted.entities.length;
      }
    } catch (error) {
      failures++;
      reportFailure(error);
    }
    if (showProgress && (index % 50 === 49 || index === files.length - 1)) process.stderr.write(`\rextract: ${index + 1}/${files.length} files`);
    else if (!showProgress && index % 500 === 499) process.stderr.write(`extract: ${index + 1}/${files.length} files\n`);
  }
  if (showProgress && files.length) process.stderr.write('\n');

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `extract: ${documents} documents from ${files.length} files, ${timexes} time expressions, ${entities} entities, ${failures} failures, ${seconds} s\n`,
  );
  return documents === 0 && failures > 0 ? 1 : 0;
}

function reportFailure(error: unknown): void {
  if (error instanceof InputError) process.stderr.write(`error: ${error.message}\n`);
  else process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
}

process.exitCode = await main(process.argv.slice(2));
