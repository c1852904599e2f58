// npm start as a user runs it: a child process on a data directory of its own, stopped with SIGTERM.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { DataDirectoryLockedError } from '../../src/db/single-writer-lock.js';

const workDir = mkdtempSync(join(tmpdir(), 'newsline-serve-'));
const dataDir = join(workDir, 'data');
const env = { ...process.env, NEWSLINE_DATA_DIR: dataDir, DATABASE_URL: '', HOST: '127.0.0.1', PORT: '0', NEWSLINE_DEMO_DATA: '0' };
const lockFile = join(dataDir, 'pglite.lock');

function npm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '-s', ...args], { env, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** npm start, resolved once it says where it serves. */
async function startServer(): Promise<{ child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> }> {
  const child = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving GraphQL and GraphiQL at (http:\/\/\S+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then((code) => reject(new Error(`npm start exited (${code}) before serving:\n${output}`)));
  });
  return { child, url, output: () => output, exited };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const seedText = readFileSync('examples/seed/000_09a13298e7180d8f.txt', 'utf8');

describe('npm start on the embedded database', () => {
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('says how to make the first key, then stops on SIGTERM: the request in flight is answered, acknowledged writes survive, the process exits', async () => {
    const first = await startServer();
    expect(first.output()).toContain('api keys: none yet, so reads are open and every write is refused');
    expect(first.output()).toContain('npm run apikey -- create --scope admin --name "your name"');
    const firstPid = (JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number }).pid;
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(alive(firstPid)).toBe(false);

    const created = await npm('apikey', '--', 'create', '--scope', 'admin', '--name', 'process test');
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout.trim();

    const server = await startServer();
    const serverPid = (JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number }).pid;
    expect(server.output()).not.toContain('api keys: none yet');
    const post = (query: string, variables?: Record<string, unknown>) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));

    // A second opener of the directory, while the server holds it: refused at once, naming the directory and the holder.
    const second = await npm('apikey', '--', 'list');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`the embedded database at ${join(dataDir, 'pglite')} is in use by process ${serverPid}`);

    const acknowledged: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const { body } = await post('mutation ($name: String!) { createPerson(input: { name: $name }) { name } }', { name: `Survivor ${index}` });
      expect(body.errors).toBeUndefined();
      acknowledged.push(body.data.createPerson.name);
    }
    // An ingest in flight when SIGTERM comes: it finishes and is answered before the database closes.
    let answered = false;
    const inFlight = post('mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { status } }', {
      input: { content: seedText, url: 'https://example.org/in-flight-at-sigterm' },
    }).finally(() => {
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(answered, 'the ingest was already answered before SIGTERM; the test proves nothing about requests in flight').toBe(false);
    server.child.kill('SIGTERM');
    const ingest = await inFlight;
    expect(ingest.status).toBe(200);
    expect(ingest.body.data.ingestArticle.status).toBe('CREATED');
    expect(await server.exited).toBe(0);
    expect(alive(serverPid)).toBe(false);
    // The extraction holds the event loop, so the signal may be handled during the ingest or just after its answer.
    expect(server.output()).toMatch(/SIGTERM: stopping: no new connections; [01] requests in flight/);
    expect(server.output()).toMatch(/stopped in \d+ ms: [01] requests in flight finished, database closed/);
    expect(existsSync(lockFile)).toBe(false);

    const reopened = await openDatabase({ dataDir });
    try {
      const people = await reopened.prisma.person.findMany({ where: { name: { startsWith: 'Survivor ' } }, select: { name: true } });
      expect(people.map((person) => person.name).sort()).toEqual([...acknowledged].sort());
      expect(await reopened.prisma.article.count({ where: { url: 'https://example.org/in-flight-at-sigterm' } })).toBe(1);
      expect(await reopened.prisma.writeLog.count()).toBe(21);
    } finally {
      await reopened.close();
    }
  });

  it('refuses a second opener in the same process too, and takes over the lock of a process that is gone', async () => {
    const database = await openDatabase({ dataDir });
    try {
      const again = openDatabase({ dataDir });
      await expect(again).rejects.toThrow(DataDirectoryLockedError);
      await expect(again).rejects.toThrow(`the embedded database at ${join(dataDir, 'pglite')} is in use by process ${process.pid}`);
    } finally {
      await database.close();
    }
    // A holder killed with -9 leaves its lock behind: a process that has exited is no holder.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    writeFileSync(lockFile, JSON.stringify({ pid: deadPid, hostname: (await import('node:os')).hostname(), processStart: '1', command: 'killed', since: '2026-01-01T00:00:00Z' }));
    const takenOver = await openDatabase({ dataDir });
    try {
      expect((JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number }).pid).toBe(process.pid);
      expect(await takenOver.prisma.person.count({ where: { name: { startsWith: 'Survivor ' } } })).toBe(20);
    } finally {
      await takenOver.close();
    }
    expect(existsSync(lockFile)).toBe(false);
  });
});
