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
    expect(mentions.find((mention) => mention.kind === 'PERSON')).toMatchObject({ text: 'Christine Smith', title: 'Colston staffer' });
  });
});
