// kill -9 in the middle of `npm run ingest`, twice, then a run to the end: every article stored is whole, and none twice.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { afpDirectory } from '../support/afp.js';
import { createThrowawayPostgresDatabase, databaseKinds } from '../support/databases.js';

const articleCount = 40;
const workDir = mkdtempSync(join(tmpdir(), 'newsline-crash-'));
const inputs = join(workDir, 'inputs');
mkdirSync(inputs);
for (const name of readdirSync(afpDirectory).filter((file) => file.endsWith('.tml')).sort().slice(0, articleCount)) {
  copyFileSync(join(afpDirectory, name), join(inputs, name));
}

interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
}

/**
 * Runs the ingest CLI; with killAtFiles, kill -9 it once its progress line shows that many files done. The CLI shows
 * progress every 10 files on a terminal only, so it runs under script(1), which gives it one.
 */
function ingest(target: Target, killAtFiles?: number): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve) => {
    const command = `exec ${process.execPath} --import tsx src/cli/ingest.ts ${inputs}`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { ...process.env, DATABASE_URL: '', ...target.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let killed = false;
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const done = [...output.matchAll(/\] (\d+)\/\d+ files/g)].map((match) => Number(match[1]));
      if (killAtFiles != null && !killed && done.some((count) => count >= killAtFiles)) {
        killed = true;
        // script execs the shell into the CLI, so the CLI is script's only child.
        const pid = Number(execFileSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' }).trim().split(/\s+/)[0]);
        process.kill(pid, 'SIGKILL');
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', () => resolve({ killed, output: output.replace(/\r/g, '\n') }));
  });
}

/** What each stored article holds, by content hash: the rows one article's transaction writes. */
async function articleContents(database: Database): Promise<Map<string, string>> {
  const articles = await database.prisma.article.findMany({
    select: {
      contentHash: true,
      _count: { select: { personMentions: true, organizationMentions: true, placeMentions: true, sourceMentions: true, claims: true, storyTerms: true } },
    },
  });
  return new Map(articles.map((article) => [article.contentHash, JSON.stringify(article._count)]));
}

async function withDatabase<T>(target: Target, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await target.open();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function postgresTarget(): Promise<Target & { drop(): Promise<void> }> {
  const throwaway = await createThrowawayPostgresDatabase('newsline_crash');
  return {
    env: { DATABASE_URL: throwaway.url },
    open: () => openDatabase({ url: throwaway.url, poolSize: 2 }),
    drop: throwaway.drop,
  };
}

function pgliteTarget(name: string): Target {
  const dataDir = join(workDir, name);
  return { env: { NEWSLINE_DATA_DIR: dataDir }, open: () => openDatabase({ dataDir }) };
}

describe('ingest killed with -9', () => {
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  let reference: Map<string, string> | undefined;
  /** What each article holds after a clean run. */
  const cleanRun = async () => {
    if (!reference) {
      const target = pgliteTarget('reference');
      const run = await ingest(target);
      expect(run.output).toMatch(new RegExp(`ingest: ${articleCount} articles from ${articleCount} files: ${articleCount} new`));
      reference = await withDatabase(target, articleContents);
    }
    return reference;
  };

  for (const kind of databaseKinds) {
    it(`leaves no partial article and, re-run, no duplicate, on ${kind}`, async () => {
      const expected = await cleanRun();
      const postgres = kind === 'postgres' ? await postgresTarget() : null;
      const target = postgres ?? pgliteTarget(`crash-${kind}`);
      try {
        const stored: number[] = [];
        // Two points: the second run re-reads what the first stored (quickly: nothing to write), then goes further.
        for (const killAtFiles of [10, 30]) {
          const run = await ingest(target, killAtFiles);
          expect(run.killed, `the ingest finished before it was killed:\n${run.output}`).toBe(true);
          const contents = await withDatabase(target, articleContents);
          // Each article present holds exactly what a clean run stores for it: its transaction was all or nothing.
          for (const [hash, content] of contents) expect(content, `article ${hash}`).toBe(expected.get(hash));
          stored.push(contents.size);
        }
        console.log(`[${kind}] articles stored when killed: ${stored.join(', then ')} of ${articleCount}`);
        expect(stored[1]!, 'the second kill came before the second run stored anything new').toBeGreaterThan(stored[0]!);
        expect(stored[1]!).toBeLessThan(articleCount);

        const last = await ingest(target);
        expect(last.output).toMatch(
          new RegExp(`ingest: ${articleCount} articles from ${articleCount} files: ${articleCount - stored[1]!} new, ${stored[1]} unchanged, 0 failed`),
        );
        const final = await withDatabase(target, async (database) => {
          const contents = await articleContents(database);
          expect(await database.prisma.article.count()).toBe(articleCount);
          return contents;
        });
        expect(final).toEqual(expected);
      } finally {
        await postgres?.drop();
      }
    });
  }
});
