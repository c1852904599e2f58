import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, MAX_INPUT_BYTES, parseDocumentBytes, readDocuments } from '../../src/ingest/formats/index.js';

const SEED = 'examples/seed/000_09a13298e7180d8f.txt';
const TIMEML_FIXTURE = 'tests/fixtures/timeml/dct-and-inline-annotations.tml';

describe('plain-text articles (the seed layout)', () => {
  it('reads the publication date, drops the "Reading Time" noise and finds the Reuters dateline', async () => {
    const [seed] = await readDocuments(SEED);
    expect(seed).toMatchObject({ format: 'text', publishedAt: '2023-11-04', publisher: 'Reuters' });
    expect(seed?.title).toBeUndefined();
    expect(seed?.text.startsWith('WASHINGTON (Reuters) – U.S. officials')).toBe(true);
    expect(seed?.text).not.toContain('Reading Time');
    expect(seed?.dateline).toEqual({ place: 'WASHINGTON', agency: 'Reuters', start: 0, end: 22 });
    expect(seed?.text.slice(seed.dateline?.start, seed.dateline?.end)).toBe('WASHINGTON (Reuters) –');
  });

  it('takes a short line of its own after the date line as the title', () => {
    const [article] = parseDocumentBytes(Buffer.from('date 2024-01-05\n\nTalks resume in Cairo\n\nCAIRO (AP) - Negotiators met on Friday.\n'), 'cairo.txt');
    expect(article).toMatchObject({ title: 'Talks resume in Cairo', publishedAt: '2024-01-05', dateline: { place: 'CAIRO', agency: 'AP' } });
    expect(article?.text).toBe('CAIRO (AP) - Negotiators met on Friday.\n');
  });
});

describe('TimeML documents', () => {
  it('keeps exactly the <TEXT> content with tags removed and entities decoded', async () => {
    const [document] = await readDocuments(TIMEML_FIXTURE);
    expect(document).toMatchObject({ format: 'timeml', publishedAt: '1997-04-03', title: 'Strike & talks resume', publisher: 'AFP' });
    expect(document?.text).toBe(
      '\nTalks between the unions & the government resumed Wednesday after a three-week strike.\n\nThe minister said a deal was possible by May.\n',
    );
  });

  it('reads every TimeBank document (the scorer compares this text)', async () => {
    const documents = await readDocuments('../shared/datasets/timebank');
    expect(documents.length, 'the TimeBank dataset must be at ../shared/datasets/timebank').toBe(183);
  });
});

describe('JSON articles', () => {
  it('reads an article object and leaves its text unchanged', async () => {
    const [article] = await readDocuments('../shared/datasets/conll2003/testa/testa-000.json');
    expect(article).toMatchObject({ format: 'json', publishedAt: '1996-08-30', publisher: 'Reuters', url: 'conll2003:testa:000' });
    expect(article?.text.startsWith('CRICKET - LEICESTERSHIRE')).toBe(true);
  });

  it('reads NDJSON, one article per line, each named by its line', () => {
    const lines = [
      JSON.stringify({ url: 'u1', publishedAt: '2023-11-04', text: 'One.' }),
      JSON.stringify({ url: 'u2', publishedAt: '2023-11-05T10:00:00Z', text: 'Two.' }),
    ].join('\n');
    const articles = parseDocumentBytes(Buffer.from(lines), 'feed.ndjson');
    expect(articles.map((article) => [article.source, article.url])).toEqual([
      ['feed.ndjson#1', 'u1'],
      ['feed.ndjson#2', 'u2'],
    ]);
  });
});

describe('bad input names the file and the problem', () => {
  const directory = mkdtempSync(join(tmpdir(), 'newsline-formats-'));
  const badFile = (name: string, content: string | Buffer): string => {
    const path = join(directory, name);
    writeFileSync(path, content);
    return path;
  };
  const cases: [string, string | Buffer, RegExp][] = [
    ['empty.txt', '', /empty\.txt: the file is empty/],
    ['binary.txt', Buffer.from([0x64, 0x61, 0x00, 0x01]), /binary\.txt: binary file \(NUL byte at offset 2\)/],
    ['latin1.txt', Buffer.from([0x64, 0x61, 0x74, 0x65, 0x20, 0xe9, 0x74, 0xe9]), /latin1\.txt: invalid UTF-8 \(first bad byte at offset 5\)/],
    ['no-date.txt', 'WASHINGTON (Reuters) - Something happened.\n', /no-date\.txt: line 1: expected the publication date first, as "date YYYY-MM-DD"/],
    ['bad-date.txt', 'date 2023-02-30\n\nText.\n', /bad-date\.txt: line 1: "2023-02-30" is not a valid calendar date/],
    ['no-text.tml', '<TimeML><DCT><TIMEX3 value="1997-04-01">x</TIMEX3></DCT></TimeML>', /no-text\.tml: no <TEXT> element/],
    ['no-value.tml', '<TimeML><DCT><TIMEX3 type="DATE">x</TIMEX3></DCT><TEXT>Hi</TEXT></TimeML>', /no-value\.tml: <DCT> has no TIMEX3 value attribute/],
    ['bad-value.tml', '<TimeML><DCT><TIMEX3 value="1997-13-01">x</TIMEX3></DCT><TEXT>Hi</TEXT></TimeML>', /bad-value\.tml: <DCT> TIMEX3 value "1997-13-01" is not a publication date/],
    ['unclosed.tml', '<TimeML>\n<DCT><TIMEX3 value="1997-04-01">x</TIMEX3></DCT>\n<TEXT>Hi <EVENT>there</TEXT>\n</TimeML>', /unclosed\.tml: malformed XML, line 3: <\/TEXT> closes <EVENT> opened at line 3/],
    ['no-published.json', JSON.stringify({ url: 'u', text: 'Hello' }), /no-published\.json: "publishedAt" is missing/],
    ['bad-published.json', JSON.stringify({ publishedAt: 'yesterday', text: 'Hello' }), /bad-published\.json: "publishedAt" "yesterday" is not a valid date/],
    ['broken.ndjson', '{"publishedAt":"2023-11-04","text":"a"}\n{"publishedAt":\n', /broken\.ndjson: line 2: not valid JSON/],
  ];
  it.each(cases)('%s', async (name, content, message) => {
    const path = badFile(name, content);
    await expect(readDocuments(path)).rejects.toThrow(InputError);
    await expect(readDocuments(path)).rejects.toThrow(message);
  });

  it('refuses a file over the size limit and states the limit', () => {
    expect(() => parseDocumentBytes(new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61), 'huge.txt')).toThrow(/huge\.txt: the file is 5\.0 MB, over the 5 MB limit/);
  });

  it('says when a path or a glob matches nothing', async () => {
    await expect(readDocuments(join(directory, 'missing.tml'))).rejects.toThrow(/missing\.tml: no such file or directory/);
    await expect(readDocuments(join(directory, '*.xyz'))).rejects.toThrow(/\*\.xyz: the pattern matches no file/);
  });
});

describe('globs', () => {
  it('expand *, ** and {a,b} over the datasets', async () => {
    const documents = await readDocuments('../shared/datasets/afp-1997/AFP_ENG_1997040{1,2}.00*.tml');
    expect(documents.length).toBeGreaterThan(3);
    expect(documents.every((document) => /AFP_ENG_1997040[12]\.00\d\d\.tml$/.test(document.source))).toBe(true);
  });
});
