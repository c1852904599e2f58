/**
 * `npm run apikey -- create --scope <ingest|curate|admin>[,…] --name "…"`, `list`, `revoke <id>`: the API keys of
 * the configured database. A key is printed once, at creation; only its SHA-256 is stored.
 */
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from '../config.js';
import { openDatabase } from '../db/database.js';
import { DataDirectoryLockedError } from '../db/single-writer-lock.js';
import { ApiKeyError, createApiKey, listApiKeys, parseScopes, revokeApiKey } from '../auth/api-keys.js';
import { runCommand } from './run-command.js';

const usage = `usage:
  npm run apikey -- create --scope <ingest|curate|admin>[,…] --name "who holds it and why"
  npm run apikey -- list
  npm run apikey -- revoke <id>`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { scope: { type: 'string', multiple: true }, name: { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  if (!command || !['create', 'list', 'revoke'].includes(command)) throw new ApiKeyError(usage);
  const scopes = command === 'create' ? parseScopes(values.scope ?? []) : [];
  if (command === 'create' && !values.name) throw new ApiKeyError('give the key a name: --name "who holds it and why"');
  const revokeId = command === 'revoke' ? Number(rest[0]) : 0;
  if (command === 'revoke' && !(Number.isInteger(revokeId) && revokeId > 0)) throw new ApiKeyError(`revoke takes the id of a key, e.g. revoke 3; got "${rest[0] ?? ''}"`);

  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    if (command === 'create') {
      const made = await createApiKey(database.prisma, { name: values.name!, scopes });
      process.stdout.write(`${made.key}\n`);
      process.stderr.write(
        `apikey: created key ${made.id} "${values.name}" (${made.scopes.join(', ')}) in ${database.kind} at ${database.location}. ` +
          `It is shown this once: store it now. Send it as "Authorization: Bearer <key>".\n`,
      );
    } else if (command === 'list') {
      const keys = await listApiKeys(database.prisma);
      for (const key of keys) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
        const writes = key.writes ? `${key.writes} writes, last ${key.lastWriteAt!.toISOString()}` : 'no writes';
        process.stdout.write(`${key.id}\t${key.prefix}…\t${key.scopes.join(',')}\t${state}\tcreated ${key.createdAt.toISOString()}\t${writes}\t${key.name}\n`);
      }
      const active = keys.filter((key) => !key.revokedAt).length;
      process.stderr.write(`apikey: ${keys.length} keys (${active} active, ${keys.length - active} revoked) in ${database.kind} at ${database.location}\n`);
    } else {
      const revoked = await revokeApiKey(database.prisma, revokeId);
      process.stderr.write(
        revoked.already
          ? `apikey: key ${revokeId} "${revoked.name}" was already revoked at ${revoked.revokedAt.toISOString()}\n`
          : `apikey: revoked key ${revokeId} "${revoked.name}"; requests with it are refused from now on\n`,
      );
    }
  } finally {
    await database.close();
  }
  return 0;
}

await runCommand('apikey', main, (error) => {
  if (error instanceof ApiKeyError) return 2;
  const known = error instanceof ConfigError || error instanceof DataDirectoryLockedError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  return known ? 1 : undefined;
});
