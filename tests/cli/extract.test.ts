import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = 'node_modules/.bin/tsx';
const DATASETS = '../shared/datasets';

async function extract(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(TSX, ['src/cli/extract.ts', ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe('npm run extract', () => {
  it('prints one JSON document per line on stdout and a summary on stderr', async () => {
    const { stdout, stderr, code } = await extract('examples/seed/000_09a13298e7180d8f.txt', '--no-entities');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const document = JSON.parse(lines[0] as string);
    expect(document).toMatchObject({ source: 'examples/seed/000_09a13298e7180d8f.txt', publishedAt: '2023-11-04' });
    expect(document.sources).toContainEqual(expect.objectContaining({ name: 'Reuters', kind: 'NEWS_AGENCY' }));
    expect(document.claims).toContainEqual(expect.objectContaining({ metric: 'KILLED', value: 9061, qualifier: 'AT_LEAST' }));
    expect(document.events).toContainEqual(expect.objectContaining({ type: 'MILITARY_OPERATION', date: expect.objectContaining({ startsOn: '2023-11-02' }) }));
    expect(document.timexes).toContainEqual(expect.objectContaining({ text: 'Thursday', type: 'DATE', value: '2023-11-02' }));
    expect(stderr).toMatch(/extract: 1 documents from 1 files, \d+ time expressions, 0 entities, 0 failures, [\d.]+ s/);
  });

  it('reports a bad file on stderr and carries on with the rest of the batch', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'newsline-cli-'));
    const empty = join(directory, 'empty.tml');
    writeFileSync(empty, '');
    const { stdout, stderr, code } = await extract(empty, 'examples/seed/000_09a13298e7180d8f.txt', '--no-entities');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`error: ${empty}: the file is empty`);
    expect(stderr).toMatch(/1 failures/);
  });

  it('exits non-zero only when every input failed', async () => {
    const { stdout, stderr, code } = await extract('no/such/file.tml');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('no/such/file.tml: no such file or directory');
  });

  it('scores value F1 ≥ 0.85 on TimeBank with the shared scorer', { timeout: 60_000 }, async () => {
    expect(existsSync(join(DATASETS, 'timebank')), `TimeBank is missing: expected it at ${DATASETS}/timebank`).toBe(true);
    const { stdout, code } = await extract(join(DATASETS, 'timebank'), '--no-entities');
    expect(code).toBe(0);
    const output = join(mkdtempSync(join(tmpdir(), 'newsline-score-')), 'timebank.ndjson');
    writeFileSync(output, stdout);
    const score = await run('python3', [join(DATASETS, '..', 'tools', 'timex-score'), join(DATASETS, 'timebank'), output]);
    expect(score.stdout).not.toMatch(/differs from the gold plain text|no system output/);
    const valueF1 = Number(/value_f1=([\d.]+)/.exec(score.stdout)?.[1]);
    expect(valueF1).toBeGreaterThanOrEqual(0.85);
  });
});
