import type { PrismaClient } from '../../src/db/generated/prisma/client.js';
import { createApiKey, type ScopeName } from '../../src/auth/api-keys.js';

/** A real key in the test database, made the way `npm run apikey -- create` makes one. */
export async function createTestApiKey(prisma: PrismaClient, scopes: ScopeName[] = ['admin'], name = `test ${scopes.join('+')} key`): Promise<string> {
  return (await createApiKey(prisma, { name, scopes })).key;
}
