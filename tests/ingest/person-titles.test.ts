import { describe, expect, it } from 'vitest';
import { splitLeadingTitle } from '../../src/ingest/extract/person-titles.js';
import { extractEntities } from '../../src/ingest/extract/entities.js';

describe('titles the tagger took into a person name', () => {
  it('cuts the title off and keeps it as what the person is', () => {
    const text = 'Colston staffer Christine Smith';
    const { nameStart, title } = splitLeadingTitle(text);
    expect(text.slice(nameStart)).toBe('Christine Smith');
    expect(title).toBe('Colston staffer');
  });

  it('keeps no honorific as a description, and leaves names without a title alone', () => {
    expect(splitLeadingTitle('Mr. Blair')).toEqual({ nameStart: 4 });
    expect(splitLeadingTitle('John Major')).toEqual({ nameStart: 0 });
    expect(splitLeadingTitle('President of France')).toEqual({ nameStart: 0 });
  });

  it('gives a person mention the name alone, with the title beside it', () => {
    const mentions = extractEntities('Colston staffer Christine Smith said on Monday the talks had failed.');
    const people = mentions.filter((mention) => mention.kind === 'PERSON');
    expect(people.map((mention) => mention.text)).not.toContain('Colston staffer Christine Smith');
    expect(people.find((mention) => mention.text === 'Christine Smith')).toMatchObject({ title: 'Colston staffer' });
  });

  it('keeps the title written before a name the tagger left out of it, with the words of whose role it is', () => {
    const person = (sentence: string, name: string) => extractEntities(sentence).find((mention) => mention.kind === 'PERSON' && mention.text === name);
    expect(person('Police spokesman Ali Hassan said the road was closed.', 'Ali Hassan')).toMatchObject({ title: 'Police spokesman' });
    expect(person('The talks were led by deputy foreign minister Ali Hassan.', 'Ali Hassan')).toMatchObject({ title: 'deputy foreign minister' });
    expect(person('Mr. Ali Hassan said the road was closed.', 'Ali Hassan')?.title).toBeUndefined();
  });
});
