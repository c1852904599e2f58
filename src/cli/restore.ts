/**
 * `npm run restore -- <file.tar.gz> [--replace]`: opens a backup made by `npm run backup` as the embedded database
 * of NEWSLINE_DATA_DIR. Refuses a data directory that already holds a database unless --replace is given (the old
 * one is moved aside, not deleted), and refuses while a server has the directory open. Pending migrations are
 * applied by the next start, as for any database.
 */
import { loadConfig, ConfigError } from '../config.js';
import { embeddedBackupTarget, restoreEmbedded, BackupError } from '../db/backup.js';
import { DataDirectoryLockedError } from '../db/single-writer-lock.js';
import { runCommand } from './run-command.js';

const usage = 'usage: npm run restore -- <file.tar.gz> [--replace]';

async function main(argv: string[]): Promise<number> {
  const replace = argv.includes('--replace');
  const files = argv.filter((argument) => argument !== '--replace');
  const target = embeddedBackupTarget(files, usage, loadConfig());
  if ('refusal' in target) {
    process.stderr.write(`${target.refusal}\n`);
    return 2;
  }
  const report = await restoreEmbedded(target.dataDir, target.file, { replace });
  if (report.movedAside) process.stdout.write(`restore: the database that was there is now ${report.movedAside}\n`);
  process.stdout.write(
    `restore: ${report.file} into ${target.dataDir}, ${report.articles} articles and ${report.events} events, in ${(report.milliseconds / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

await runCommand('restore', main, (error) =>
  error instanceof ConfigError || error instanceof BackupError || error instanceof DataDirectoryLockedError ? 1 : undefined,
);
