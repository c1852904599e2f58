import { z } from 'zod';
import { builder } from './builder.js';
import { distinctNames, nameKey } from '../graph/names.js';
import { nameRanking } from './name-search.js';

export const EntityOrder = builder.enumType('EntityOrder', {
  description: 'How to order a list of people, organisations, places or sources.',
  values: {
    NAME: { description: 'By name, A to Z.' },
    NEWEST: { description: 'Most recently added first.' },
    RELEVANCE: {
      description: `As a search box ranks them: ${nameRanking}. Without a search, the ones the graph knows most about first. The default when there is a search.`,
    },
  } as const,
});

/** Says, in a list's description, how a search orders it. */
export const searchedFirst = 'With a search, the best matches come first (orderBy RELEVANCE) unless another orderBy is given.';

/** Describes a list's orderBy argument, which has no fixed default: a search ranks by relevance unless told otherwise. */
export const entityOrderArgument = 'RELEVANCE when a search is given, NAME otherwise.';

/** The Prisma ordering of an unranked list (RELEVANCE is ranked in SQL by name-search.ts). */
export function entityOrderBy(order: 'NAME' | 'NEWEST' | 'RELEVANCE' | null | undefined) {
  return order === 'NEWEST' ? [{ id: 'desc' as const }] : [{ name: 'asc' as const }, { id: 'asc' as const }];
}

type InputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

/** An entity's name or alias: something left after case, accents and punctuation are folded away ("\u0301" or "..." name nothing). */
export const entityNameInput = (what: 'name' | 'an alias') =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(300)
    .refine((name) => nameKey(name) !== '', `${what} must hold a letter or a digit (accents, marks and punctuation alone name nothing)`);

export function aliasesInput(t: InputFieldBuilder) {
  return t.stringList({
    required: false,
    description: 'Other names, replacing the current aliases; matching ignores case and accents.',
    validate: z.array(entityNameInput('an alias')).max(100, 'at most 100 aliases'),
  });
}

/** The alias rows of one entity, as the Prisma delegates of the four alias tables all accept them. */
interface AliasTable {
  deleteMany(args: never): Promise<unknown>;
  createMany(args: never): Promise<unknown>;
}

/** Makes an entity's aliases its name plus the given names; leaves them as they are when none are given. */
export async function replaceAliases(
  table: AliasTable,
  ownerColumn: string,
  ownerId: number,
  name: string,
  aliases: readonly string[] | null | undefined,
): Promise<void> {
  if (aliases == null) {
    await table.createMany({ data: distinctNames([name]).map((alias) => ({ ...alias, [ownerColumn]: ownerId })), skipDuplicates: true } as never);
    return;
  }
  await table.deleteMany({ where: { [ownerColumn]: ownerId } } as never);
  await table.createMany({ data: distinctNames([name, ...aliases]).map((alias) => ({ ...alias, [ownerColumn]: ownerId })) } as never);
}

/**
 * Several orderings for a connection helper's query. Prisma takes a list (ties broken by the later
 * entries, which cursors need); the helper's type names a single ordering, so the list is passed as one.
 */
export function orderedBy<Order>(...orders: Order[]): Order {
  return orders as unknown as Order;
}
