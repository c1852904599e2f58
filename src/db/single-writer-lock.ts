// One process at a time on an embedded (PGlite) data directory. PGlite has no lock of its own: two processes on
// one directory each keep their own copy of the pages and overwrite the other's writes (measured: of 50
// acknowledged ingests, 25 survived). The lock is a file created with O_EXCL next to the database, naming the
// holder's PID; a lock whose process is gone (kill -9, a crash) is stale and is taken over.
import { closeSync, existsSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

interface LockHolder {
  pid: number;
  hostname: string;
  /** The holder's start time from /proc (Linux), so a PID reused by another process is not mistaken for the holder. */
  processStart: string | null;
  command: string;
  since: string;
}

export class DataDirectoryLockedError extends Error {
  override name = 'DataDirectoryLockedError';
  constructor(
    readonly directory: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the embedded database at ${directory} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}); ` +
        `only one process may open it at a time. Stop that process first, or give this one another NEWSLINE_DATA_DIR ` +
        `(or a PostgreSQL DATABASE_URL, which many processes may share).`,
    );
  }
}

function processStart(pid: number): string | null {
  try {
    // Field 22 of /proc/<pid>/stat: the start time in clock ticks since boot; the command name (field 2) may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true; // A lock from another machine (a shared disk) cannot be checked: honour it.
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (holder.processStart == null) return true;
  const start = processStart(holder.pid);
  return start == null || start === holder.processStart;
}

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

const held = new Map<string, string>();
let exitHookInstalled = false;

function releaseAllOnExit(): void {
  for (const path of held.values()) {
    if (readHolder(path)?.pid === process.pid) unlinkSync(path);
  }
  held.clear();
}

export interface DataDirectoryLock {
  path: string;
  release(): void;
}

/** Takes the lock of a data directory, or throws DataDirectoryLockedError naming the directory and the holder. */
export function lockDataDirectory(directory: string, lockPath = `${directory}.lock`): DataDirectoryLock {
  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    processStart: processStart(process.pid),
    command: process.argv.slice(1).map((part) => part.replace(/^.*\/(src|node_modules)\//, '$1/')).join(' ').slice(0, 200),
    since: new Date().toISOString(),
  };
  const existing = held.get(directory);
  if (existing) throw new DataDirectoryLockedError(directory, { ...(readHolder(existing) ?? me), command: `${me.command}: this very process` });
  // Written whole to a file of our own, then linked into place: the lock never exists half-written.
  const draft = `${lockPath}.${process.pid}.draft`;
  const fd = openSync(draft, 'w');
  writeSync(fd, JSON.stringify(me));
  closeSync(fd);
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        linkSync(draft, lockPath);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
      }
      const holder = readHolder(lockPath);
      if (holder && isAlive(holder)) throw new DataDirectoryLockedError(directory, holder);
      // Stale: move it aside under a name of our own, so that of two processes taking it over, one wins.
      const aside = `${lockPath}.${process.pid}.stale`;
      try {
        renameSync(lockPath, aside);
      } catch {
        continue;
      }
      const moved = readHolder(aside);
      if (moved && holder && moved.pid !== holder.pid && isAlive(moved)) {
        // Another process took it over between our read and our rename: give it back.
        linkSync(aside, lockPath);
        unlinkSync(aside);
        throw new DataDirectoryLockedError(directory, moved);
      }
      unlinkSync(aside);
      process.stderr.write(`database: took over the lock of ${directory} from process ${holder?.pid ?? '?'}, which is gone\n`);
    }
  } finally {
    unlinkSync(draft);
  }
  if (!exitHookInstalled) {
    process.on('exit', releaseAllOnExit);
    exitHookInstalled = true;
  }
  held.set(directory, lockPath);
  return {
    path: lockPath,
    release() {
      if (held.get(directory) !== lockPath) return;
      held.delete(directory);
      if (existsSync(lockPath) && readHolder(lockPath)?.pid === process.pid) unlinkSync(lockPath);
    },
  };
}
