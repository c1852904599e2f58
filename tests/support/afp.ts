import { existsSync } from 'node:fs';
import type { PrismaClient } from '../../src/db/generated/prisma/client.js';
import { ingestDocument } from '../../src/graph/ingest-article.js';
import { readDocumentFile } from '../../src/ingest/formats/index.js';
import type { SourceDocument } from '../../src/ingest/formats/source-document.js';

/** The AFP corpus, read in place beside the project (CI always has it). */
export const afpDirectory = '../shared/datasets/afp-1997';
if (!existsSync(afpDirectory)) throw new Error(`${afpDirectory} is missing: the AFP reports these tests ingest are read there, beside the project`);

/** The documents of the named AFP wire stories. */
export async function readAfp(...names: string[]): Promise<SourceDocument[]> {
  return (await Promise.all(names.map((name) => readDocumentFile(`${afpDirectory}/${name}`)))).flat();
}

/** Ingests the named AFP wire stories one after the other; returns their article ids in order. */
export async function ingestAfp(prisma: PrismaClient, ...names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const document of await readAfp(...names)) ids.push((await ingestDocument(prisma, document)).articleId);
  return ids;
}
