import { nameKey } from '../graph/names.js';

/** Prisma filter for an entity whose name or any alias contains the search text, ignoring case and accents. */
export function aliasSearch(search: string | null | undefined) {
  const key = search ? nameKey(search) : '';
  return key ? { aliases: { some: { key: { contains: key } } } } : {};
}

