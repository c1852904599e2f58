import { EntityType as EntityTypeValues } from '../db/generated/prisma/enums.js';
import { builder } from './builder.js';
import { decodeNodeId, encodeNodeId } from '../http/global-ids.js';
import { UserInputError, NotFoundError } from './errors.js';
import { mergeEntities, mergeableTypes, MergeError, type MergeableType } from '../graph/merge.js';

export const EntityType = builder.enumType(EntityTypeValues, { name: 'EntityType' });

const typenameOf: Record<EntityTypeValues, MergeableType> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
  SOURCE: 'Source',
  EVENT: 'Event',
};

export const EntityMerge = builder.prismaObject('EntityMerge', {
  description: 'The record of one merge: which entity was folded into which, and what moved.',
  fields: (t) => ({
    entityType: t.expose('entityType', { type: EntityType }),
    survivorId: t.id({
      description: 'The entity that remains.',
      resolve: (merge) => encodeNodeId(typenameOf[merge.entityType], merge.survivorId),
    }),
    mergedId: t.id({
      description: 'The ID the merged entity had; it no longer resolves.',
      resolve: (merge) => encodeNodeId(typenameOf[merge.entityType], merge.mergedId),
    }),
    mergedName: t.exposeString('mergedName', { description: 'The name (or title) of the merged entity, kept as an alias.' }),
    movedLinks: t.expose('movedLinks', { type: 'JSON', description: 'How many links moved, by table and column.' }),
    reason: t.exposeString('reason', { nullable: true }),
    mergedAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const MergeResult = builder.objectRef<{ survivorId: string; mergeId: number }>('MergeResult').implement({
  description: 'The outcome of a merge.',
  fields: (t) => ({
    survivorId: t.exposeID('survivorId'),
  }),
});

builder.objectField(MergeResult, 'merge', (t) =>
  t.prismaField({
    type: 'EntityMerge',
    resolve: (query, result, _args, context) =>
      context.prisma.entityMerge.findUniqueOrThrow({ ...query, where: { id: result.mergeId } }),
  }),
);

builder.objectField(MergeResult, 'survivor', (t) =>
  t.field({
    type: builder.nodeInterfaceRef(),
    description: 'The entity that remains, with every link of the merged one.',
    resolve: async (result, _args, context) => {
      const { typename, id } = decodeNodeId(result.survivorId);
      const where = { where: { id: Number(id) } };
      const loaders: Record<MergeableType, () => Promise<object>> = {
        Person: () => context.prisma.person.findUniqueOrThrow(where),
        Organization: () => context.prisma.organization.findUniqueOrThrow(where),
        Place: () => context.prisma.place.findUniqueOrThrow(where),
        Source: () => context.prisma.source.findUniqueOrThrow(where),
        Event: () => context.prisma.event.findUniqueOrThrow(where),
      };
      return { ...(await loaders[typename as MergeableType]()), __typename: typename };
    },
  }),
);

builder.mutationFields((t) => ({
  mergeEntities: t.field({
    authScopes: { admin: true },
    type: MergeResult,
    description:
      'Folds `merged` into `survivor` (two people, organisations, places, sources or events): every link moves to the survivor, the other\'s names become aliases, and the merge is recorded in mergeHistory.',
    args: {
      survivor: t.arg.id({ required: true }),
      merged: t.arg.id({ required: true }),
      reason: t.arg.string({ required: false }),
    },
    resolve: async (_root, args, context) => {
      const survivor = decodeNodeId(String(args.survivor));
      const merged = decodeNodeId(String(args.merged));
      if (!mergeableTypes.includes(survivor.typename as MergeableType)) {
        throw new UserInputError(`survivor: ${withArticle(survivor.typename)} cannot be merged; merge ${mergeableTypes.join(', ')}`, 'survivor');
      }
      if (survivor.typename !== merged.typename) {
        throw new UserInputError(
          `merged: cannot merge ${withArticle(merged.typename)} into ${withArticle(survivor.typename)}; both must be of the same type`,
          'merged',
        );
      }
      try {
        const outcome = await mergeEntities(
          context.prisma,
          survivor.typename as MergeableType,
          Number(survivor.id),
          Number(merged.id),
          args.reason,
        );
        return { survivorId: encodeNodeId(survivor.typename, outcome.survivorId), mergeId: outcome.mergeId };
      } catch (error) {
        if (error instanceof MergeError) {
          if (error.message.includes('no ')) throw new NotFoundError(error.message);
          throw new UserInputError(error.message, 'merged');
        }
        throw error;
      }
    },
  }),
}));

builder.queryFields((t) => ({
  mergeHistory: t.prismaConnection({
    type: 'EntityMerge',
    cursor: 'id',
    description: 'The merges that shaped an entity (as survivor) or removed it (as the merged one), newest first.',
    args: { entity: t.arg.id({ required: true }) },
    totalCount: (_parent, args, context) => context.prisma.entityMerge.count({ where: historyWhere(String(args.entity)) }),
    resolve: (query, _parent, args, context) =>
      context.prisma.entityMerge.findMany({ ...query, where: historyWhere(String(args.entity)), orderBy: [{ id: 'desc' }] }),
  }),
}));

function historyWhere(globalId: string) {
  const { typename, id } = decodeNodeId(globalId);
  const entityType = (Object.keys(typenameOf) as EntityTypeValues[]).find((key) => typenameOf[key] === typename);
  if (!entityType) throw new UserInputError(`entity: a ${typename} has no merge history`, 'entity');
  return { entityType, OR: [{ survivorId: Number(id) }, { mergedId: Number(id) }] };
}

function withArticle(typename: string): string {
  return `${/^[AEIOU]/.test(typename) ? 'an' : 'a'} ${typename}`;
}
