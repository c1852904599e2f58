import type { PrismaClient } from '../db/generated/prisma/client.js';
import { recountEventArticles } from './store-article.js';

export class SplitError extends Error {
  override name = 'SplitError';
}

/**
 * Undoes a wrong merge of reports: the mentions (and the figures) that the given articles gave of an event
 * move to a new event with the same type, date, places and participants, which the curator can then correct.
 */
export async function splitEvent(
  prisma: PrismaClient,
  eventId: number,
  articleIds: number[],
  title?: string | null,
): Promise<{ originalId: number; splitId: number; movedMentions: number; movedClaims: number }> {
  return prisma.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, include: { places: true, people: true, organizations: true } });
    if (!event) throw new SplitError('event: no event has that ID');
    const reporting = await tx.eventMention.findMany({ where: { eventId }, select: { articleId: true }, distinct: ['articleId'] });
    const reportingIds = new Set(reporting.map((mention) => mention.articleId));
    const unknown = articleIds.filter((id) => !reportingIds.has(id));
    if (unknown.length) throw new SplitError(`articles: ${unknown.length} of the given articles do not report this event`);
    if (new Set(articleIds).size >= reportingIds.size) {
      throw new SplitError('articles: splitting off every reporting article would leave the event with none; name only the articles to move');
    }
    const split = await tx.event.create({
      data: {
        title: title ?? event.title,
        titleByCurator: title ? true : event.titleByCurator,
        summary: event.summary,
        type: event.type,
        startsOn: event.startsOn,
        endsOn: event.endsOn,
        spanDays: event.spanDays,
        precision: event.precision,
        approximate: event.approximate,
        dateText: event.dateText,
        background: event.background,
        places: { create: event.places.map(({ placeId, role }) => ({ placeId, role })) },
        people: { create: event.people.map(({ personId, role }) => ({ personId, role })) },
        organizations: { create: event.organizations.map(({ organizationId, role }) => ({ organizationId, role })) },
      },
    });
    const movedMentions = await tx.eventMention.updateMany({ where: { eventId, articleId: { in: articleIds } }, data: { eventId: split.id } });
    const movedClaims = await tx.claim.updateMany({ where: { eventId, articleId: { in: articleIds } }, data: { eventId: split.id } });
    await recountEventArticles(tx, [eventId, split.id]);
    return { originalId: eventId, splitId: split.id, movedMentions: movedMentions.count, movedClaims: movedClaims.count };
  });
}
