// API keys: made here, shown once, stored only as their SHA-256.
//
// SHA-256 and not a password hash (bcrypt, scrypt, argon2): those are slow on purpose so that a stolen table
// of hashes of *guessable* secrets (passwords people chose) costs years to search. These keys are 32 random
// bytes (256 bits) made by the server; no one can enumerate that space however fast the hash is, so the
// slowness would buy nothing and would cost every request that presents a key a deliberate delay.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../db/generated/prisma/client.js';
import type { ApiScope } from '../db/generated/prisma/enums.js';

/** The scopes a key can hold, in the words of the CLI and the docs. */
export const scopeNames = ['ingest', 'curate', 'admin'] as const;
export type ScopeName = (typeof scopeNames)[number];

const keyPrefix = 'nl_';
/** How much of the key listings show: "nl_" and 8 characters, enough to tell keys apart, useless to guess with. */
const shownLength = keyPrefix.length + 8;

export interface AuthenticatedKey {
  id: number;
  name: string;
  prefix: string;
  scopes: ScopeName[];
}

export class ApiKeyError extends Error {
  override name = 'ApiKeyError';
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function parseScopes(values: readonly string[]): ScopeName[] {
  const scopes = values.flatMap((value) => value.split(',')).map((value) => value.trim().toLowerCase()).filter(Boolean);
  if (scopes.length === 0) throw new ApiKeyError(`give a scope: --scope ${scopeNames.join('|')}`);
  const unknown = scopes.filter((scope) => !scopeNames.includes(scope as ScopeName));
  if (unknown.length) throw new ApiKeyError(`unknown scope ${unknown.map((scope) => `"${scope}"`).join(', ')}; the scopes are ${scopeNames.join(', ')}`);
  return [...new Set(scopes)] as ScopeName[];
}

const toStored = (scope: ScopeName) => scope.toUpperCase() as ApiScope;
const fromStored = (scope: ApiScope) => scope.toLowerCase() as ScopeName;

/** Makes a key and stores its hash; the key itself is returned once and kept nowhere. */
export async function createApiKey(
  prisma: PrismaClient,
  options: { name: string; scopes: ScopeName[] },
): Promise<{ id: number; key: string; prefix: string; scopes: ScopeName[] }> {
  const name = options.name.trim();
  if (!name) throw new ApiKeyError('give the key a name: --name "who holds it and why"');
  if (name.length > 200) throw new ApiKeyError(`the name is ${name.length} characters; at most 200`);
  const key = `${keyPrefix}${randomBytes(32).toString('base64url')}`;
  const stored = await prisma.apiKey.create({
    data: { name, prefix: key.slice(0, shownLength), hash: hashApiKey(key), scopes: options.scopes.map(toStored) },
  });
  return { id: stored.id, key, prefix: stored.prefix, scopes: options.scopes };
}

export interface ApiKeyListing {
  id: number;
  name: string;
  prefix: string;
  scopes: ScopeName[];
  createdAt: Date;
  revokedAt: Date | null;
  writes: number;
  lastWriteAt: Date | null;
}

export async function listApiKeys(prisma: PrismaClient): Promise<ApiKeyListing[]> {
  const [keys, writes] = await Promise.all([
    prisma.apiKey.findMany({ orderBy: { id: 'asc' } }),
    prisma.writeLog.groupBy({ by: ['apiKeyId'], _count: { _all: true }, _max: { createdAt: true } }),
  ]);
  const byKey = new Map(writes.map((row) => [row.apiKeyId, row]));
  return keys.map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes.map(fromStored),
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
    writes: byKey.get(key.id)?._count._all ?? 0,
    lastWriteAt: byKey.get(key.id)?._max.createdAt ?? null,
  }));
}

/** Revokes a key from the next request on; revoking twice keeps the first time. */
export async function revokeApiKey(prisma: PrismaClient, id: number): Promise<{ name: string; revokedAt: Date; already: boolean }> {
  const key = await prisma.apiKey.findUnique({ where: { id } });
  if (!key) throw new ApiKeyError(`no API key has the id ${id}; npm run apikey -- list shows them`);
  if (key.revokedAt) return { name: key.name, revokedAt: key.revokedAt, already: true };
  const revoked = await prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  return { name: revoked.name, revokedAt: revoked.revokedAt!, already: false };
}

export async function activeKeyCount(prisma: PrismaClient): Promise<number> {
  return prisma.apiKey.count({ where: { revokedAt: null } });
}

/** The key a request presents, if it is one we made and have not revoked; null otherwise. */
export async function findActiveKey(prisma: PrismaClient, key: string): Promise<AuthenticatedKey | null> {
  const stored = await prisma.apiKey.findUnique({ where: { hash: hashApiKey(key) } });
  if (!stored || stored.revokedAt) return null;
  return { id: stored.id, name: stored.name, prefix: stored.prefix, scopes: stored.scopes.map(fromStored) };
}

/** Whether a key may do what a scope allows: admin may do everything. */
export function keyHasScope(key: AuthenticatedKey | null | undefined, scope: ScopeName): boolean {
  return !!key && (key.scopes.includes(scope) || key.scopes.includes('admin'));
}
