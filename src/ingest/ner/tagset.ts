/** Entity types the model is trained on (MISC is learned so it is not confused with the others, then dropped). */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** IOB2 tags: index 0 is O, then B-type and I-type for each entity type. */
export const TAGS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((type) => [`B-${type}`, `I-${type}`])];
export const TAG_COUNT = TAGS.length;
export const OUTSIDE = 0;

export function tagIndex(tag: string): number {
  const index = TAGS.indexOf(tag);
  if (index < 0) throw new Error(`unknown NER tag "${tag}"; expected one of ${TAGS.join(', ')}`);
  return index;
}

/** The entity type of a tag index, or undefined for O. */
export function tagType(tag: number): EntityType | undefined {
  return tag === OUTSIDE ? undefined : ENTITY_TYPES[(tag - 1) >> 1];
}

export function isInside(tag: number): boolean {
  return tag !== OUTSIDE && (tag - 1) % 2 === 1;
}

/** I-X may only continue a B-X or I-X; everything else may follow anything. */
export function isAllowedAfter(previous: number, tag: number): boolean {
  if (!isInside(tag)) return true;
  return previous !== OUTSIDE && tagType(previous) === tagType(tag);
}

export interface TokenSpan {
  /** First token index. */
  start: number;
  /** Token index after the last one. */
  end: number;
  type: EntityType;
}

/** Reads entity spans from a sentence's IOB2 tags. */
export function spansFromTags(tags: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | undefined;
  for (let index = 0; index < tags.length; index += 1) {
    const tag = tags[index]!;
    const type = tagType(tag);
    if (open && (type !== open.type || !isInside(tag))) {
      spans.push(open);
      open = undefined;
    }
    if (type && !open) open = { start: index, end: index + 1, type };
    else if (open) open.end = index + 1;
  }
  if (open) spans.push(open);
  return spans;
}
