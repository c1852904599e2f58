import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { createServer } from '../../src/server.js';

const workDir = mkdtempSync(join(tmpdir(), 'newsline-apikey-'));
const dataDir = join(workDir, 'data');

function apikey(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '-s', 'apikey', '--', ...args], { env: { ...process.env, NEWSLINE_DATA_DIR: dataDir, DATABASE_URL: '' } }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run apikey', () => {
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('creates a key shown once, lists it without the key, revokes it, and the server then refuses it', async () => {
    const bad = await apikey('create', '--scope', 'write', '--name', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown scope "write"; the scopes are ingest, curate, admin');

    const created = await apikey('create', '--scope', 'ingest,curate', '--name', 'Night desk');
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^nl_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toMatch(/created key 1 "Night desk" \(ingest, curate\).*shown this once/);

    const listed = await apikey('list');
    expect(listed.stdout).toContain(`1\t${key.slice(0, 11)}…\tingest,curate\tactive\t`);
    expect(listed.stdout).not.toContain(key);
    expect(listed.stderr).toContain('apikey: 1 keys (1 active, 0 revoked)');

    const database = await openDatabase({ dataDir });
    const write = (server: ReturnType<typeof createServer>) =>
      server.fetch('http://newsline/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: 'mutation { createPerson(input: { name: "Desk Person" }) { name } }' }),
      });
    try {
      expect((await write(createServer(database.prisma))).status).toBe(200);
    } finally {
      await database.close();
    }

    const revoked = await apikey('revoke', '1');
    expect(revoked.stderr).toContain('apikey: revoked key 1 "Night desk"');
    expect((await apikey('list')).stdout).toMatch(/^1\tnl_.{8}…\tingest,curate\trevoked 20\d\d-.*\t1 writes, last 20\d\d-/m);

    const reopened = await openDatabase({ dataDir });
    try {
      const refused = await write(createServer(reopened.prisma));
      expect(refused.status).toBe(401);
    } finally {
      await reopened.close();
    }
  });
});
