import { describe, expect, it } from 'vitest';
import { storyTermCount, storyTerms } from '../../src/ingest/extract/story-terms.js';

describe('storyTerms', () => {
  it('lists the content words an article repeats, most repeated first, plurals and possessives folded', () => {
    const text =
      "Peruvian troops stormed the Japanese ambassador's residence on Tuesday and freed the hostages. " +
      'The hostage-takers, Tupac Amaru rebels, were killed; one hostage died. Fujimori said the rebels had refused to talk. ' +
      "Fujimori's brother was among the hostages held in the residence.";
    const terms = storyTerms(text);
    expect(terms.slice(0, 4)).toEqual([
      { term: 'hostage', count: 3 },
      { term: 'residence', count: 2 },
      { term: 'rebel', count: 2 },
      { term: 'fujimori', count: 2 },
    ]);
    // Words every report uses (reporting verbs, days, function words) say nothing about which story it is.
    for (const common of ['said', 'tuesday', 'were', 'among', 'the']) expect(terms.map((entry) => entry.term)).not.toContain(common);
  });

  it('keeps at most the article’s most repeated words', () => {
    const text = Array.from({ length: 60 }, (_, index) => `word${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}`).join(' ');
    expect(storyTerms(text)).toHaveLength(storyTermCount);
    expect(storyTerms('')).toEqual([]);
  });
});
