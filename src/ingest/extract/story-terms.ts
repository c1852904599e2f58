// The words an article's story is told in: the content words it repeats most ("hostages", "residence",
// "rebels"), for telling which recent articles report the same story. Pure: text in, terms out.

/** How many of its most repeated words stand for an article. */
export const storyTermCount = 20;

// Words every story uses: function words, reporting verbs, days and months, and the wire's boilerplate.
const commonWords = new Set(
  `about above after again against almost along already also although always among another anyone anything around because become
been before being below between both came cannot could does doing done down during each either else even ever every fell few
first four from further give given going gone good great have having here hers herself himself however into itself just keep
know last late later least less like made make many more most much must near need never next none nothing often once only other
others ought over part perhaps quite rather really right same saying says said seen several shall should show since some still
such take taken than that their theirs them themselves then there these they thing think this those though three through thus
together told took toward towards under until upon used very want well were what when where whether which while whom whose will
with within without would year years yesterday today tomorrow tonight monday tuesday wednesday thursday friday saturday sunday
week weeks month months january february march april june july august september october november december percent per cent
official officials news agency reported report reports according added adding newspaper statement spokesman spokeswoman
told telling asked called call calls including include includes expected another second third five seven eight nine million
billion time times people country countries world meanwhile whose where however early earlier come comes coming went make
makes making`.split(/\s+/),
);

/** A word's story form: lowercase, without a possessive or a plural "s" ("rebels" → "rebel", "Fujimori's" → "fujimori"). */
function termOf(word: string): string {
  let term = word.toLowerCase().replace(/['’]s?$/u, '');
  if (term.length > 4 && term.endsWith('s') && !term.endsWith('ss') && !term.endsWith('us') && !term.endsWith('is')) term = term.slice(0, -1);
  return term;
}

/** The article's most repeated content words, with how often it uses each, most repeated (then first used) first. */
export function storyTerms(text: string): { term: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/\p{L}[\p{L}'’-]{3,}/gu)) {
    const term = termOf(match[0]);
    if (term.length < 4 || commonWords.has(term)) continue;
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([term, count], order) => ({ term, count, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, storyTermCount)
    .map(({ term, count }) => ({ term, count }));
}
