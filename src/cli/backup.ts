/**
 * `npm run backup -- <file.tar.gz>`: the embedded database of NEWSLINE_DATA_DIR, whole, as one gzipped tarball.
 * Takes the data directory's lock, so it refuses while a server or an ingest has the database open: stop it first.
 * With DATABASE_URL set it does nothing and says how to use pg_dump.
 */
import { loadConfig, ConfigError } from '../config.js';
import { backupEmbedded, BackupError, embeddedBackupTarget } from '../db/backup.js';
import { DataDirectoryLockedError } from '../db/single-writer-lock.js';
import { runCommand } from './run-command.js';

const usage = 'usage: npm run backup -- <file.tar.gz>';

async function main(argv: string[]): Promise<number> {
  const target = embeddedBackupTarget(argv, usage, loadConfig());
  if ('refusal' in target) {
    process.stderr.write(`${target.refusal}\n`);
    return 2;
  }
  const report = await backupEmbedded(target.dataDir, target.file);
  process.stdout.write(
    `backup: ${report.file}, ${(report.bytes / 1_048_576).toFixed(1)} MiB, ${report.articles} articles and ${report.events} events, in ${(report.milliseconds / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

await runCommand('backup', main, (error) =>
  error instanceof ConfigError || error instanceof BackupError || error instanceof DataDirectoryLockedError ? 1 : undefined,
);
