import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTimexes, resolveDateRange } from '../../src/ingest/extract/timex.js';
import { parsePlainTextArticle } from '../../src/ingest/formats/text.js';

const seed = parsePlainTextArticle(readFileSync('examples/seed/000_09a13298e7180d8f.txt', 'utf8'), 'seed.txt');

/** The value each phrase gets, read as a person would look it up. */
function valueOf(text: string, publishedAt: string, phrase: string): string | undefined {
  const timexes = extractTimexes(text, publishedAt);
  return timexes.find((timex) => timex.text === phrase)?.value;
}

describe('the seed article (published Saturday 2023-11-04)', () => {
  const timexes = extractTimexes(seed.text, seed.publishedAt);
  const byText = (phrase: string) => timexes.filter((timex) => timex.text === phrase);

  it('puts "on Thursday" on the Thursday before publication', () => {
    expect(byText('Thursday')).toEqual([expect.objectContaining({ type: 'DATE', value: '2023-11-02', precision: 'DAY' })]);
  });

  it('gives "Oct. 7" without a year the year of the story', () => {
    expect(byText('Oct. 7').map((timex) => timex.value)).toEqual(['2023-10-07', '2023-10-07']);
  });

  it('reads "for over a week" as an approximate one-week duration, without "for"', () => {
    expect(byText('over a week')).toEqual([expect.objectContaining({ type: 'DURATION', value: 'P1W', mod: 'MORE_THAN', approximate: true })]);
  });

  it('reads full dates in both orders, and the typo "October 7z" as October 7', () => {
    expect(byText('November 3, 2023')[0]?.value).toBe('2023-11-03');
    expect(byText('07 October 2023')[0]?.value).toBe('2023-10-07');
    expect(byText('October 7')[0]?.value).toBe('2023-10-07');
  });

  it('offsets point at the words in the text', () => {
    for (const timex of timexes) expect(seed.text.slice(timex.start, timex.end)).toBe(timex.text);
  });
});

describe('relative expressions against the publication date', () => {
  const published = '2023-11-04';
  it.each([
    ['He left yesterday.', 'yesterday', '2023-11-03'],
    ['They meet tomorrow.', 'tomorrow', '2023-11-05'],
    ['Talks will resume next week.', 'next week', '2023-W45'],
    ['Prices rose last week.', 'last week', '2023-W43'],
    ['Sales fell last month.', 'last month', '2023-10'],
    ['Output grew earlier this month.', 'earlier this month', '2023-11'],
    ['Profit rose this year.', 'this year', '2023'],
    ['The plant closed a year ago.', 'a year ago', '2022'],
    ['The vote will be held on Monday.', 'Monday', '2023-11-06'],
    ['Results for the third quarter were weak.', 'the third quarter', '2023-Q3'],
    ['The war began in the 1990s.', 'the 1990s', '199'],
    ['It was built in the 20th century.', 'the 20th century', '19'],
    ['Elections are planned for next spring.', 'next spring', '2024-SP'],
    ['Prices are high now.', 'now', 'PRESENT_REF'],
    ['The firm recently hired staff.', 'recently', 'PAST_REF'],
    ['He served two years in jail.', 'two years', 'P2Y'],
    ['A three-day strike ended.', 'three-day', 'P3D'],
    ['It happened in nineteen ninety-six.', 'nineteen ninety-six', '1996'],
    ['The strike started in March 1997.', 'March 1997', '1997-03'],
    ['He arrived at 5 p.m. Friday.', '5 p.m. Friday', '2023-11-03T17:00'],
    ['Rain fell tonight.', 'tonight', '2023-11-04TNI'],
  ])('%s → %s = %s', (text, phrase, value) => {
    expect(valueOf(text, published, phrase)).toBe(value);
  });

  it('leaves ages and money rates alone', () => {
    expect(extractTimexes('Mr. Smith, 52 years old, earns $5 a year.', published)).toEqual([]);
  });

  it('does not read the verb "may" or a count like "2,000 people" as a date', () => {
    expect(extractTimexes('Officials may leave; 2000 people marched.', published)).toEqual([]);
  });
});

describe('resolveDateRange', () => {
  it.each([
    ['2023-11-02', { start: '2023-11-02', end: '2023-11-02', precision: 'DAY' }],
    ['2023-10', { start: '2023-10-01', end: '2023-10-31', precision: 'MONTH' }],
    ['2024-02', { start: '2024-02-01', end: '2024-02-29', precision: 'MONTH' }],
    ['1998', { start: '1998-01-01', end: '1998-12-31', precision: 'YEAR' }],
    ['2023-W44', { start: '2023-10-30', end: '2023-11-05', precision: 'WEEK' }],
    ['1998-Q1', { start: '1998-01-01', end: '1998-03-31', precision: 'QUARTER' }],
    ['1998-WI', { start: '1998-12-01', end: '1999-02-28', precision: 'SEASON' }],
    ['199', { start: '1990-01-01', end: '1999-12-31', precision: 'DECADE' }],
    ['19', { start: '1900-01-01', end: '1999-12-31', precision: 'CENTURY' }],
  ])('%s', (value, range) => {
    expect(resolveDateRange(value)).toEqual(range);
  });

  it('has no range for vague values', () => {
    expect(resolveDateRange('PAST_REF')).toBeNull();
    expect(resolveDateRange('XXXX-XX-XX')).toBeNull();
    expect(resolveDateRange('P1W')).toBeNull();
  });
});

describe('the reporting quarter in business news (published 1989-10-30)', () => {
  const published = '1989-10-30';
  const values = (text: string) => extractTimexes(text, published).map((timex) => `${timex.text}=${timex.value}`);

  it('keeps the completed quarter a story reports on when a later quarter is named as outlook', () => {
    const text = 'Acme posted third-quarter profit. It sees weaker fourth-quarter sales. In the latest quarter, revenue rose.';
    expect(values(text)).toContain('the latest quarter=1989-Q3');
  });

  it('does not let an earlier quarter named for comparison take over the focus', () => {
    const text = 'Acme posted third-quarter profit. After a flat second quarter, sales grew. Costs fell from a year ago.';
    expect(values(text)).toContain('a year ago=1988-Q3');
  });

  it('takes a fiscal quarter, or one said to have ended, as the subject even when it is out of calendar order', () => {
    expect(values('Acme earned more in the fiscal first quarter. Sales fell from a year earlier.')).toContain('a year earlier=1988-Q1');
    expect(values('Acme posted third-quarter profit. Beta said its second quarter ended Aug. 31 was weak. In the latest quarter, Beta lost money.')).toContain(
      'the latest quarter=1989-Q2',
    );
  });

  it('places "the quarter ended July 31" by the calendar quarter holding most of its months', () => {
    expect(values('In the quarter ended July 31, Acme had 5 million shares.')).toContain('the quarter=1989-Q2');
  });
});

describe('anaphoric and event-anchored expressions', () => {
  const published = '1998-04-18';
  const values = (text: string) => extractTimexes(text, published).map((timex) => `${timex.text}=${timex.type}:${timex.value}`);

  it('reads "that year", "the following year/month", "the previous day" against the last date named', () => {
    expect(values('He was promoted on June 2, 1995, and the following year he moved to Paris.')).toContain('the following year=DATE:1996');
    expect(values('The plant opened in 1988. Exports rose that year.')).toContain('that year=DATE:1988');
    expect(values('The board met in March 1997. The following month, it sold the unit.')).toContain('The following month=DATE:1997-04');
    expect(values('Shares fell on March 3 after a rally the previous day.')).toContain('the previous day=DATE:1998-03-02');
  });

  it('leaves "that day" alone when no day was named before', () => {
    expect(values('Traders can lose on trades made that day.')).toEqual([]);
  });

  it('reads "For the year" and "earlier in the year" as the current year, but "the year ended March 31" as a span', () => {
    expect(values('For the year, volume was flat.')).toEqual(['the year=DATE:1998']);
    expect(values('Planting was delayed earlier in the year.')).toEqual(['the year=DATE:1998']);
    expect(values('Revenue for the year ended March 31 rose.')).toContain('the year=DURATION:P1Y');
  });

  it('marks "a few days later", "twenty years after" and "eight trading days after" as durations without the anchor word', () => {
    expect(values('A few days later, the firm agreed.')).toEqual(['A few days=DURATION:PXD']);
    expect(values('It was not until twenty years after the first flight that she flew.')).toEqual(['twenty years=DURATION:P20Y']);
    expect(values('Eight trading days after the crash, prices recovered.')).toEqual(['Eight trading days=DURATION:P8D']);
  });

  it('takes "$2 million a year" as a rate, not a span', () => {
    expect(values('The deal saves $2 million a year in interest.')).toEqual([]);
  });
});

describe('tense for a month without a year (published 1989-10-27)', () => {
  const published = '1989-10-27';
  it('reads a fronted "In January," by the tense of the clause after the comma, irregular verbs included', () => {
    expect(valueOf('Profits fell. In January, the company brought in new managers.', published, 'January')).toBe('1989-01');
    expect(valueOf('Profits fell. In January, the company will sell the unit.', published, 'January')).toBe('1990-01');
  });
});

describe('more rules of news dates', () => {
  it('reads a near deadline month ("by February", "until April") as the next one', () => {
    expect(valueOf('The firm plans to repay the loan by February.', '1989-10-30', 'February')).toBe('1990-02');
    expect(valueOf('The government might not be formed until April.', '2005-12-15', 'April')).toBe('2006-04');
    expect(valueOf('The work was completed by February.', '1989-10-30', 'February')).toBe('1989-02');
  });

  it('leaves a capitalised title like ABC\'s "This Week" alone', () => {
    expect(extractTimexes('He said on ABC\'s "This Week" that talks would go on.', '1990-08-13')).toEqual([]);
  });

  it('reads "one day" after a modal as some future day', () => {
    expect(extractTimexes('The drug may one day help patients.', '2006-11-07')).toEqual([expect.objectContaining({ text: 'one day', type: 'DATE', value: 'FUTURE_REF' })]);
  });

  it('puts the part of the day before "yesterday" too', () => {
    expect(extractTimexes('At mid-afternoon yesterday, shares were up.', '1989-11-02')).toEqual([
      expect.objectContaining({ text: 'mid-afternoon yesterday', type: 'TIME', value: '1989-11-01TAF' }),
    ]);
  });

  it('counts "the previous Friday" back from the day last named', () => {
    expect(valueOf('Stocks closed Friday at 2082, down from the previous Friday.', '1989-10-30', 'the previous Friday')).toBe('1989-10-20');
  });
});
