import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirectoryLockedError, lockDataDirectory } from '../../src/db/single-writer-lock.js';

const workDir = mkdtempSync(join(tmpdir(), 'newsline-lock-'));

/** Another process holding the lock of a directory until it is killed. */
async function holderProcess(directory: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '-e', `import('./src/db/single-writer-lock.ts').then((lock) => { lock.lockDataDirectory(${JSON.stringify(directory)}); console.log('held'); setInterval(() => {}, 1000); })`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
    child.once('exit', (code) => reject(new Error(`the holder exited (${code}) before taking the lock`)));
  });
  return child;
}

describe('the single-writer lock of a data directory', () => {
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('refuses a second process while the holder lives, naming the directory and its PID, and is free once the holder is killed -9', async () => {
    const directory = join(workDir, 'held');
    const holder = await holderProcess(directory);
    try {
      expect(() => lockDataDirectory(directory)).toThrow(DataDirectoryLockedError);
      expect(() => lockDataDirectory(directory)).toThrow(`the embedded database at ${directory} is in use by process ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    expect(existsSync(`${directory}.lock`), 'kill -9 leaves the lock behind').toBe(true);
    const lock = lockDataDirectory(directory);
    expect((JSON.parse(readFileSync(lock.path, 'utf8')) as { pid: number }).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it('takes over a lock whose PID now belongs to another process (its start time differs)', () => {
    const directory = join(workDir, 'reused');
    writeFileSync(
      `${directory}.lock`,
      JSON.stringify({ pid: process.ppid, hostname: hostname(), processStart: '1', command: 'long gone', since: '2026-01-01T00:00:00Z' }),
    );
    const lock = lockDataDirectory(directory);
    expect((JSON.parse(readFileSync(lock.path, 'utf8')) as { pid: number }).pid).toBe(process.pid);
    lock.release();
  });

  it('honours a lock taken on another host (a shared disk), which it cannot check', () => {
    const directory = join(workDir, 'elsewhere');
    writeFileSync(`${directory}.lock`, JSON.stringify({ pid: 1, hostname: 'another-host', processStart: null, command: 'serve', since: '2026-01-01T00:00:00Z' }));
    expect(() => lockDataDirectory(directory)).toThrow('is in use by process 1 (serve, since 2026-01-01T00:00:00Z)');
  });
});
