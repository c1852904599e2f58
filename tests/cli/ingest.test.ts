import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';

const run = promisify(execFile);

async function ingest(dataDir: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['src/cli/ingest.ts', ...args], {
      env: { ...process.env, NEWSLINE_DATA_DIR: dataDir, DATABASE_URL: '' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe('npm run ingest', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'newsline-ingest-'));
  const inputs = join(workDir, 'inputs');
  const dataDir = join(workDir, 'data');
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('ingests a mixed batch, reports each bad file by name and goes on, then summarises', async () => {
    await import('node:fs').then(({ mkdirSync }) => mkdirSync(inputs));
    copyFileSync('examples/seed/000_09a13298e7180d8f.txt', join(inputs, 'seed.txt'));
    copyFileSync('tests/fixtures/timeml/dct-and-inline-annotations.tml', join(inputs, 'wire.tml'));
    writeFileSync(
      join(inputs, 'feed.ndjson'),
      `${JSON.stringify({
        url: 'https://example.org/ceasefire',
        title: 'Talks resume in Cairo',
        publishedAt: '2023-11-20',
        publisher: 'Example Wire',
        text: 'CAIRO (Example Wire) - Negotiators met in Cairo on Sunday to discuss the release of hostages held by Hamas in Gaza, officials said.',
      })}\n`,
    );
    writeFileSync(join(inputs, 'empty.txt'), '');
    writeFileSync(join(inputs, 'binary.tml'), Buffer.from([0x3c, 0x00, 0x01, 0x02]));
    writeFileSync(join(inputs, 'broken.tml'), '<TimeML><DOCID>x</DOCID><DCT><TIMEX3 value="1997-04-10"/></DCT><TEXT>Unclosed');

    const first = await ingest(dataDir, inputs);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/empty\.txt: the file is empty/);
    expect(first.stderr).toMatch(/binary\.tml: binary file/);
    expect(first.stderr).toMatch(/broken\.tml: /);
    expect(first.stderr).toMatch(/ingest: 3 articles from 6 files: 3 new, 0 unchanged, 3 failed; created \d+ events/);
    expect(first.stderr).toMatch(/articles\/s\), peak memory \d+ MB/);

    const again = await ingest(dataDir, inputs);
    expect(again.stderr).toMatch(/ingest: 3 articles from 6 files: 0 new, 3 unchanged, 3 failed; created 0 events, 0 stories, 0 people/);
    expect(again.stderr).toMatch(/mentions; merged 0 stories into others told alike and 0 events into one its story told already;/);

    const database = await openDatabase({ dataDir });
    try {
      expect(await database.prisma.article.count()).toBe(3);
      const feed = await database.prisma.article.findUniqueOrThrow({ where: { url: 'https://example.org/ceasefire' }, include: { publisher: true } });
      expect(feed.publisher?.name).toBe('Example Wire');
      expect(feed.publishedOn.toISOString().slice(0, 10)).toBe('2023-11-20');
      // Hamas and the Gaza Strip are named by two articles: one node each.
      expect(await database.prisma.organization.count({ where: { nameKey: 'hamas' } })).toBe(1);
      expect(await database.prisma.place.count({ where: { name: 'Gaza Strip' } })).toBe(1);
      const gaza = await database.prisma.place.findFirstOrThrow({ where: { name: 'Gaza Strip' }, include: { mentions: true } });
      expect(new Set(gaza.mentions.map((mention) => mention.articleId)).size).toBe(2);
    } finally {
      await database.close();
    }
  });

  it('says how to call it when given nothing to read', async () => {
    const result = await ingest(dataDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run ingest -- <file|directory|glob>...');
  });
});
