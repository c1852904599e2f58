import { describe, expect, it } from 'vitest';
import { extractTimexes } from '../../src/ingest/extract/timex.js';

/** Each error category seen on unseen news, pinned with made-up sentences of the same kind. */

function valueOf(text: string, publishedAt: string, phrase: string): string | undefined {
  return extractTimexes(text, publishedAt).find((timex) => timex.text === phrase)?.value;
}

function readings(text: string, publishedAt: string): string[] {
  return extractTimexes(text, publishedAt).map((timex) => `${timex.text}=${timex.type}:${timex.value}`);
}

describe('a bare weekday takes its week from the governing verb (published Thursday 2024-03-14)', () => {
  const published = '2024-03-14';
  it.each([
    // Past: a past verb governs, or nothing does (news reports what happened).
    ['United beat Chelsea on Saturday.', 'Saturday', '2024-03-09'],
    ['Ahead of Tuesday\'s vote, party leaders met in private.', 'Tuesday', '2024-03-12'],
    ['Police arrested three men Saturday.', 'Saturday', '2024-03-09'],
    ['The mayor said Tuesday that he plans to resign.', 'Tuesday', '2024-03-12'],
    ['Rebels seized the town on Monday and are now holding it.', 'Monday', '2024-03-11'],
    ['The minister, who arrived Monday, will leave next week.', 'Monday', '2024-03-11'],
    ['Crowds gathered in the square next to the palace on Sunday.', 'Sunday', '2024-03-10'],
    ['The launch was to have taken place on Tuesday.', 'Tuesday', '2024-03-12'],
    ['The service was to have begun on Tuesday.', 'Tuesday', '2024-03-12'],
    ['Negotiators stayed until Tuesday.', 'Tuesday', '2024-03-12'],
    // Future: a modal, a plan, a schedule.
    ['He might resign on Friday.', 'Friday', '2024-03-15'],
    ['She would be traveling to Rome on Monday.', 'Monday', '2024-03-18'],
    ['As soon as Monday, the bill could pass the Senate.', 'Monday', '2024-03-18'],
    ['The bill could pass as soon as Monday, aides said.', 'Monday', '2024-03-18'],
    ['The talks were adjourned until Tuesday.', 'Tuesday', '2024-03-19'],
    ['Voters have until Sunday to register.', 'Sunday', '2024-03-17'],
    ['The vote will be held on Monday.', 'Monday', '2024-03-18'],
    ['The shop next to the station opens Saturday.', 'Saturday', '2024-03-16'],
    ['The envoy is due to arrive Monday.', 'Monday', '2024-03-18'],
    ['Troops will embark Friday and 600 others on Tuesday.', 'Tuesday', '2024-03-19'],
    // A possessive weekday names the day of a noun's event; a present state ("is far below") does not place it.
    ['Shares are now far below Tuesday\'s close.', 'Tuesday', '2024-03-12'],
    ['The bonds are convertible at a premium over Monday\'s price.', 'Monday', '2024-03-11'],
    ['Friday\'s vote is still expected to pass.', 'Friday', '2024-03-15'],
    ['Monday\'s summit is due to open in Rome.', 'Monday', '2024-03-18'],
    ['The museum is open Monday.', 'Monday', '2024-03-18'],
    ['A four-day match starting Saturday decides the title.', 'Saturday', '2024-03-16'],
  ])('%s → %s = %s', (text, phrase, value) => {
    expect(valueOf(text, published, phrase)).toBe(value);
  });

  it('reads a capitalised "Last Thursday" as the Thursday a week before, not today', () => {
    expect(valueOf('Last Thursday\'s game was close.', published, 'Last Thursday')).toBe('2024-03-07');
  });
});

describe('a clock time without a day is dated on the day its sentence is about (published Thursday 2024-03-14)', () => {
  const published = '2024-03-14';
  it('takes the day named in the same sentence, before or after the clock', () => {
    expect(valueOf('On Saturday, the bomb exploded at 10 p.m. near the market.', published, '10 p.m.')).toBe('2024-03-09T22:00');
    expect(valueOf('The ferry left at 6:30 a.m. on a calm sea Tuesday.', published, '6:30 a.m.')).toBe('2024-03-12T06:30');
    expect(valueOf('Fighting resumed yesterday; shelling stopped at noon.', published, 'noon')).toBe('2024-03-13T12:00');
  });

  it('looks past the time in another zone, and not into the next sentence', () => {
    expect(readings('The quake struck at 4:30 a.m. (0830 GMT) on Wednesday.', published)).toEqual([
      '4:30 a.m.=TIME:2024-03-13T04:30',
      '0830 GMT=TIME:2024-03-13T08:30',
      'Wednesday=DATE:2024-03-13',
    ]);
    expect(readings('The envoy landed at 5 p.m. On Friday, he left.', published)).toEqual(['5 p.m.=TIME:2024-03-14T17:00', 'Friday=DATE:2024-03-08']);
  });

  it('reads the hour of "3:15 in the afternoon" and "nine o\'clock at night"', () => {
    expect(readings('On Monday the train left at 10:30 in the evening.', published)).toEqual(['Monday=DATE:2024-03-11', '10:30 in the evening=TIME:2024-03-11T22:30']);
    expect(readings('The shelling began at nine o\'clock at night.', published)).toEqual(['nine o\'clock at night=TIME:2024-03-14T21:00']);
    expect(readings('The score was 3:15 at halftime.', published)).toEqual([]);
  });

  it('carries the day of the sentence before, but no further', () => {
    expect(valueOf('The fire broke out on Saturday. It was put out at 10 p.m.', published, '10 p.m.')).toBe('2024-03-09T22:00');
    expect(valueOf('Talks began on March 2. Nothing came of them. The quake struck at 1:24 p.m.', published, '1:24 p.m.')).toBe('2024-03-14T13:24');
  });

  it('does not take a day named for comparison after a comma', () => {
    expect(valueOf('The dollar stood at 125 yen at 10 a.m., up from 124 yen late Monday.', published, '10 a.m.')).toBe('2024-03-14T10:00');
  });

  it('keeps the publication day when the story names no other', () => {
    expect(valueOf('The market opens at 9:30 a.m.', published, '9:30 a.m.')).toBe('2024-03-14T09:30');
  });
});

describe('holidays fall on their computed days', () => {
  it.each([
    ['Families gathered for Thanksgiving.', '2023-12-01', 'Thanksgiving', '2023-11-23'],
    ['He will attend Easter mass.', '2024-03-14', 'Easter', '2024-03-31'],
    ['Pilgrims walked on Good Friday.', '1998-04-15', 'Good Friday', '1998-04-10'],
    ['Voters go to the polls on Election Day.', '2024-10-20', 'Election Day', '2024-11-05'],
    ['They will meet on Christmas Day.', '2024-03-14', 'Christmas Day', '2024-12-25'],
    ['Churches were bombed on Christmas Eve in 2000.', '2005-12-16', 'Christmas Eve', '2000-12-24'],
    ['Shops will close for Eid al-Fitr.', '2024-03-14', 'Eid al-Fitr', '2024-04-10'],
    // A month-long feast is named by the month holding most of it: Ramadan 1417 ran from 10 January 1997.
    ['During Ramadan, Muslims fast from dawn to dusk.', '1997-01-20', 'Ramadan', '1997-01'],
    ['During Ramadan, Muslims fast from dawn to dusk.', '2024-03-01', 'Ramadan', '2024-03'],
  ])('%s (published %s) → %s = %s', (text, published, phrase, value) => {
    expect(valueOf(text, published, phrase)).toBe(value);
  });

  it('leaves names that merely contain a holiday alone', () => {
    expect(readings('He sailed to Easter Island and bought a Christmas tree.', '2024-03-14')).toEqual([]);
  });
});

describe('decades and centuries (published 2024-03-14)', () => {
  const published = '2024-03-14';
  it.each([
    ['Prices doubled a decade ago.', 'a decade ago', 'DATE:201'],
    ['Prices rose over the past decade.', 'the past decade', 'DURATION:P10Y'],
    ['In the last decade, the city grew.', 'the last decade', 'DATE:201'],
    ['The firm grew fast in the late 1980s.', 'the late 1980s', 'DATE:198'],
    ['The bridge dates from the 19th century.', 'the 19th century', 'DATE:18'],
  ])('%s → %s = %s', (text, phrase, typed) => {
    const timex = extractTimexes(text, published).find((candidate) => candidate.text === phrase);
    expect(`${timex?.type}:${timex?.value}`).toBe(typed);
  });

  it('marks "the late 1980s" as the end of the decade', () => {
    expect(extractTimexes('The firm grew fast in the late 1980s.', published)[0]?.mod).toBe('END');
  });
});

describe('sets', () => {
  const published = '2024-03-14';
  it.each([
    ['The prize is awarded annually to young writers.', 'annually', 'P1Y'],
    ['The committee meets every week.', 'every week', 'P1W'],
    ['In his weekly address, the president spoke of jobs.', 'weekly', 'P1W'],
    ['Guards patrol the wall hourly.', 'hourly', 'PT1H'],
    ['The board meets quarterly.', 'quarterly', 'P1Q'],
    ['A ten-day fair is held annually in the town.', 'annually', 'P1Y'],
    ['Trains run every other day.', 'every other day', 'P2D'],
    ['The council meets twice a year.', 'twice a year', 'P1Y'],
    ['Patients take the pill three times a day.', 'three times a day', 'P1D'],
    ['The ferry sails each Thursday.', 'each Thursday', 'XXXX-WXX-4'],
    ['Shops close on Sundays.', 'Sundays', 'XXXX-WXX-7'],
    ['Flights leave on Tuesday nights.', 'Tuesday nights', 'XXXX-WXX-2TNI'],
    ['Shops open on Saturday and Sunday mornings.', 'Saturday', 'XXXX-WXX-6TMO'],
    ['Shops open on Saturday and Sunday mornings.', 'Sunday mornings', 'XXXX-WXX-7TMO'],
  ])('%s → %s = SET %s', (text, phrase, value) => {
    expect(extractTimexes(text, published).find((timex) => timex.text === phrase)).toEqual(expect.objectContaining({ type: 'SET', value }));
  });

  it('keeps coordinated weekdays dates when no plural makes them a set', () => {
    expect(readings('He met them on Monday and Tuesday night.', published)).toEqual(['Monday=DATE:2024-03-11', 'Tuesday night=TIME:2024-03-12TNI']);
  });

  it('leaves newspaper titles and a financial "quarterly dividend" alone', () => {
    expect(readings('The Daily Mail said the quarterly dividend would rise.', published)).toEqual([]);
  });

  // TIMEX3 leaves the time unit of a rate unmarked, as it leaves the "per hour" of a speed.
  it.each([
    ['Revenue should grow 12% annually.'],
    ['The mill turns out 5,000 tonnes annually.'],
    ['The chain has been doubling its stores annually.'],
    ['Average daily output fell.'],
    ['Weekly wages rose.'],
    ['The daily trading volume halved.'],
    ['Exports grew by 50 billion U.S. dollars annually.'],
  ])('a rate is no set: %s', (text) => {
    expect(readings(text, published)).toEqual([]);
  });

  it.each([
    ['The mob had left by then, the Jayakarta daily said.'],
    ['The daily said the mob had left.'],
    ['The Kestrel daily attributed the leak to an aide.'],
    ['He told the business daily that prices would fall.'],
    ['It was the first time, according to the weekly which broke the story.'],
    ['Borrowers\' monthly repayments will be capped.'],
  ])('a newspaper, a kind of ticket or a payment is no set: %s', (text) => {
    expect(readings(text, published)).toEqual([]);
  });

  it('still reads the adverb and the adjective of a recurring event', () => {
    expect(readings('The paper is printed daily.', published)).toEqual(['daily=SET:P1D']);
    expect(readings('It is a daily occurrence.', published)).toEqual(['daily=SET:P1D']);
    expect(readings('Trains run twice daily and buses hourly.', published)).toEqual(['daily=SET:P1D', 'hourly=SET:PT1H']);
  });
});

describe('anaphoric days count from the day the story last named (published 2024-03-14)', () => {
  const published = '2024-03-14';
  it('reads "that same day", "the next morning" and "the day after his death" against the named day', () => {
    expect(readings('He was shot on March 3. Police came that same day.', published)).toContain('that same day=DATE:2024-03-03');
    expect(readings('He was shot on March 3. The next morning, he fled.', published)).toContain('The next morning=TIME:2024-03-04TMO');
    expect(readings('He died on March 3. The day after his death, crowds gathered.', published)).toContain('The day after=DATE:2024-03-04');
  });

  it('reads "the day before …" in apposition to a date as that date', () => {
    expect(readings('Prices rose after March 2, the day before the election.', published)).toContain('the day before=DATE:2024-03-02');
    expect(readings('Prices rose after Feb. 12, the day before the election.', published)).toContain('the day before=DATE:2024-02-12');
    expect(readings('He died on March 3. Later, the day before the funeral, crowds gathered.', published)).toContain('the day before=DATE:2024-03-02');
    expect(readings('He died on March 3. The day before the funeral, crowds gathered.', published)).toContain('The day before=DATE:2024-03-02');
  });

  it('leaves the day unresolved when no day was named before', () => {
    expect(readings('The day after his death, crowds gathered.', published)).toEqual(['The day after=DATE:XXXX-XX-XX']);
  });

  it('reads "in the morning" as a part of the day the sentence (or the one before) is about, else the publication day', () => {
    expect(readings('Shares slid on Monday. Traders sold heavily in the morning.', published)).toContain('the morning=TIME:2024-03-11TMO');
    expect(readings('The minister arrived in the afternoon.', published)).toEqual(['the afternoon=TIME:2024-03-14TAF']);
    expect(readings('Volume in the morning session was thin.', published)).toEqual([]);
  });

  it('reads "the fiscal year" as the current one, and one said to have ended as a span', () => {
    expect(readings('Earnings for the fiscal year will fall.', published)).toEqual(['the fiscal year=DATE:2024']);
    expect(readings('Profit rose in the fiscal year ended June 30.', published)[0]).toBe('the fiscal year=DURATION:P1Y');
    expect(readings('The broker posted a net loss for the year to March.', published)[0]).toBe('the year=DURATION:P1Y');
  });

  it('reads "later in the day" as the day of the story', () => {
    expect(readings('Rebels attacked on Monday. Troops arrived later in the day.', published)).toContain('the day=DATE:2024-03-11');
  });
});

describe('names that look like times are not times', () => {
  const published = '2024-03-14';
  it.each([
    ['He told 60 Minutes that he would run.'],
    ['They watched High Noon on television.'],
    ['The March 23 Movement rebels seized the town.'],
    ['Police kept order during the Million Man March.'],
    ['He drove a 1998 Toyota Camry to the border.'],
    ['The 2024 models sold well.'],
  ])('%s', (text) => {
    expect(readings(text, published)).toEqual([]);
  });

  it('still reads the month and the year where they are times', () => {
    expect(readings('Sales rose in March, and in 1998 they fell.', published)).toEqual(['March=DATE:2024-03', '1998=DATE:1998']);
  });
});

describe('durations with a half and vague counts of quarters', () => {
  it('reads "a minute and a half" and "several quarters of losses"', () => {
    expect(readings('A minute and a half later, the pilot called.', '2024-03-14')).toEqual(['A minute and a half=DURATION:PT1M30S']);
    expect(readings('It returned to profit after several quarters of losses.', '2024-03-14')).toEqual(['several quarters=DURATION:PXQ']);
    expect(readings('Three-quarters of voters agreed.', '2024-03-14')).toEqual([]);
  });

  it.each([
    ['Rescuers searched the rubble for half an hour.', 'half an hour=DURATION:PT30M'],
    ['The talks took half a day.', 'half a day=DURATION:PT12H'],
    ['The convoy took a week and a half to arrive.', 'a week and a half=DURATION:P10DT12H'],
    ['The border has been quiet for half a century.', 'half a century=DURATION:P50Y'],
    ['The civil war has lasted a quarter of a century.', 'a quarter of a century=DURATION:P25Y'],
    ['The monarchy ruled for three-quarters of a century.', 'three-quarters of a century=DURATION:P75Y'],
    ['The index rose for the first time in three and a half years.', 'three and a half years=DURATION:P3Y6M'],
    ['The sprinter won in 13.21 seconds.', '13.21 seconds=DURATION:PT13.21S'],
  ])('%s → %s', (text, reading) => {
    expect(readings(text, '2024-03-14')).toEqual([reading]);
  });

  it('leaves a cricketer\'s half-century alone', () => {
    expect(readings('The captain hit a half-century before lunch.', '2024-03-14')).toEqual([]);
  });
});

describe('a month with no year (published 2024-03-14)', () => {
  const published = '2024-03-14';
  it.each([
    // No tense in the clause: the nearest occurrence, even when it lies ahead.
    ['The third ferry sails each Friday from August 6.', 'August 6', '2024-08-06'],
    ['The ferry sailed from August 6.', 'August 6', '2023-08-06'],
    // A past verb of its own puts even a near day in the past; a plan keeps it ahead.
    ['The fighting started on April 2.', 'April 2', '2023-04-02'],
    ['The minister said on April 2 that he would resign.', 'April 2', '2023-04-02'],
    ['The vote was postponed until April 2.', 'April 2', '2024-04-02'],
    ['The minister said the talks would resume on April 2.', 'April 2', '2024-04-02'],
    ['Investors awaited a rise in the foreign ownership limit on April 2.', 'April 2', '2024-04-02'],
    ['The law would be re-introduced on April 2.', 'April 2', '2024-04-02'],
    // A participle after a determiner is an adjective, not a past verb.
    ['The dividend would be paid on a still unspecified date in January.', 'January', '2025-01'],
    ['The dividend was paid in January.', 'January', '2024-01'],
  ])('%s → %s = %s', (text, phrase, value) => {
    expect(valueOf(text, published, phrase)).toBe(value);
  });

  // A month alone takes the tense of the verb that governs it: a plan's infinitive looks ahead up to half a year.
  it.each([
    ['The firm, which agreed to buy the mill for $5 million in February, is based in Ohio.', '2024-10-14', 'February', '2025-02'],
    ['The firm agreed to buy the mill in June.', '2024-10-14', 'June', '2024-06'],
    ['The firm will close the mill in June.', '2024-10-14', 'June', '2025-06'],
    // The participle after "a still" is an adjective, so "will be paid" governs.
    ['The dividend will be paid on a still unspecified date in January.', '2024-10-14', 'January', '2025-01'],
    // The next month is a year back when a past verb of its own governs it; after a verb of saying it may be the plan's.
    ['Prices fell in January.', '2005-12-15', 'January', '2005-01'],
    ['Turnout in the city that voted in January was low.', '2005-12-15', 'January', '2005-01'],
    // A plan's participle, or a noun between verb and month, leaves the month ahead.
    ['Candidates registered for elections to be held in January.', '2005-12-15', 'January', '2006-01'],
    ['The government said elections would be held in January.', '2005-12-15', 'January', '2006-01'],
    ['Traders placed orders for January delivery.', '2005-12-15', 'January', '2006-01'],
    ['The UN says 1,000 people have died since the fighting started in mid-April.', '2024-03-14', 'mid-April', '2023-04'],
  ])('%s (published %s) → %s = %s', (text, publishedAt, phrase, value) => {
    expect(valueOf(text, publishedAt, phrase)).toBe(value);
  });

  it('reads "last February" in March as a year earlier, since the month just ended would be "last month"', () => {
    expect(valueOf('Two ferries sank off the coast last February.', published, 'last February')).toBe('2023-02');
    expect(valueOf('The ferry sank last January.', published, 'last January')).toBe('2024-01');
    expect(valueOf('The new ferry will sail next April.', published, 'next April')).toBe('2025-04');
    expect(valueOf('The new ferry will sail next May.', published, 'next May')).toBe('2024-05');
  });

  it('leaves a date that names a movement alone', () => {
    expect(readings('Leaders of the March 14 movement met the March 8 Forces.', published)).toEqual([]);
  });
});

describe('the present named by a conjunction (published 2024-03-14)', () => {
  it('reads the "now" of "now that" as the present', () => {
    expect(readings('Now that the bridge has reopened, traders are returning to the market.', '2024-03-14')).toEqual(['Now=DATE:PRESENT_REF']);
  });
});

describe('last year in a quarterly report (published 2024-10-20)', () => {
  const published = '2024-10-20';
  it('reads "last year\'s" figure as the year-ago quarter', () => {
    expect(valueOf('Acme Corp. said third-quarter net income rose to $12 million from last year\'s $9 million.', published, 'last year')).toBe('2023-Q3');
    expect(valueOf('Acme Corp. posted a third-quarter loss. Last year\'s results were hurt by a strike.', published, 'Last year')).toBe('2023-Q3');
  });

  it('keeps the year where no quarter is reported, or the possessive is not a figure', () => {
    expect(valueOf('Last year\'s election was close.', published, 'Last year')).toBe('2023');
    expect(valueOf('Acme Corp. said third-quarter net income rose. Last year\'s strike still weighs on morale.', published, 'Last year')).toBe('2023');
  });
});

describe('a year-ago quarter named by its number', () => {
  it('reads "the year-ago fourth quarter" as one expression, a year before the reported quarter', () => {
    expect(readings('Acme lost $2 million in the fourth quarter, after earning $3 million in the year-ago fourth quarter.', '2024-02-10')).toEqual([
      'the fourth quarter=DATE:2023-Q4',
      'the year-ago fourth quarter=DATE:2022-Q4',
    ]);
  });
});

describe('a year and a half ago (published 2024-03-14)', () => {
  it('counts the half year as six months back and names the month', () => {
    expect(readings('The mine closed a year and a half ago.', '2024-03-14')).toEqual(['a year and a half ago=DATE:2022-09']);
    expect(readings('The mine closed two and a half years ago.', '2024-03-14')).toEqual(['two and a half years ago=DATE:2021-09']);
  });
});

describe('half years written as codes', () => {
  it('reads "H1 2023" and "2023 H2" as half years, and leaves a visa alone', () => {
    expect(readings('Profit in H1 2023 was flat, and sales in 2023 H2 rose.', '2024-03-14')).toEqual(['H1 2023=DATE:2023-H1', '2023 H2=DATE:2023-H2']);
    expect(readings('He holds an H1-B visa.', '2024-03-14')).toEqual([]);
  });
});

describe('a bare plural span an event comes out of', () => {
  it('reads "after weeks of talks" as a vague duration, and leaves "the years of the war"', () => {
    expect(readings('The hostages were freed after weeks of talks.', '2024-03-14')).toEqual(['weeks=DURATION:PXW']);
    expect(readings('The truce follows months of fighting.', '2024-03-14')).toEqual(['months=DURATION:PXM']);
    expect(readings('In the years of the war, food was scarce.', '2024-03-14')).toEqual([]);
  });
});

describe('a year-ago span of months', () => {
  it('reads "the year-earlier nine months" as one duration, as "the nine months" is', () => {
    expect(readings('Net for the year-earlier nine months included a gain on a sale.', '2024-10-20')).toEqual(['the year-earlier nine months=DURATION:P9M']);
  });
});

describe('the future of something is its prospects, and a future king a king', () => {
  it('leaves "the future of the peace process" and still reads "in the future"', () => {
    expect(readings('Leaders met to discuss the future of the peace process.', '2024-10-20')).toEqual([]);
    expect(readings('The rules may change in the future.', '2024-10-20')).toEqual(['the future=DATE:FUTURE_REF']);
    expect(readings('The envoy met the future king in Riyadh.', '2024-10-20')).toEqual([]);
    expect(readings('In the future the town will grow.', '2024-10-20')).toEqual(['the future=DATE:FUTURE_REF']);
  });
});

describe('the edges of the current year (published 2024-03-14)', () => {
  it('reads "the start of the year" as this year with its edge', () => {
    expect(extractTimexes('Fuel prices have risen since the start of the year.', '2024-03-14').map((timex) => [timex.text, timex.value, timex.mod])).toEqual([['the start of the year', '2024', 'START']]);
  });
});

describe('a weekday with a month and day picks the year they agree in (published 2024-03-14)', () => {
  it('dates "Saturday, Oct. 12" in the year Oct. 12 is a Saturday', () => {
    expect(valueOf('Organisers said the march would be held on Saturday, Oct. 12.', '2024-03-14', 'Saturday, Oct. 12')).toBe('2024-10-12');
    expect(valueOf('The march was held on Thursday, Oct. 12.', '2024-03-14', 'Thursday, Oct. 12')).toBe('2023-10-12');
  });
});

describe('a year-ago period in a story that names no quarter (published 2024-03-14)', () => {
  it('reads only the year it is known by', () => {
    expect(readings('Exports rose 5% from the same period last year.', '2024-03-14')).toEqual(['the same period last year=DATE:2023']);
    expect(readings('Exports rose 5% from the same period in 2019.', '2024-03-14')).toEqual(['the same period in 2019=DATE:2019']);
  });

  it('keeps the reported quarter where there is one, in the year named', () => {
    expect(readings('Acme said third-quarter profit rose from the same period in 2019.', '2024-03-14')).toEqual(['third-quarter=DATE:2023-Q3', 'the same period in 2019=DATE:2019-Q3']);
  });
});

describe('a length joined to its noun by a hyphen', () => {
  it('marks the length alone, without the determiner or preposition of the noun phrase', () => {
    expect(readings('Jobs were cut under its two-year plan.', '2024-03-14')).toEqual(['two-year=DURATION:P2Y']);
    expect(extractTimexes('The 48-hour strike ended.', '2024-03-14').map((timex) => [timex.text, timex.value, timex.mod])).toEqual([['48-hour', 'PT48H', undefined]]);
  });
});

describe('"earlier" counts from the time its sentence names (published 2024-03-14)', () => {
  it.each([
    ['Turnout was 60% in 2019 and 55% five years earlier.', 'five years earlier=DATE:2014'],
    ['He resigned in May 2021, three months earlier than expected.', 'three months=DURATION:P3M'],
    ['The plant closed a year earlier.', 'a year earlier=DATE:2023'],
  ])('%s → %s', (text, reading) => {
    expect(readings(text, '2024-03-14')).toContain(reading);
  });
});

describe('prepositions and verbs next to a length are not its modifiers', () => {
  it.each([
    ['Prices rose over the last six weeks.', 'the last six weeks', 'P6W', undefined],
    ['He served over two years in prison.', 'over two years', 'P2Y', 'MORE_THAN'],
    ['The trial is expected to last six weeks.', 'six weeks', 'P6W', undefined],
  ])('%s → %s', (text, phrase, value, mod) => {
    expect(extractTimexes(text, '2024-03-14').map((timex) => [timex.text, timex.value, timex.mod])).toEqual([[phrase, value, mod]]);
  });
});

describe('a part of a named day', () => {
  it('reads "on the morning of March 3" as that morning', () => {
    expect(readings('Flights resumed on the morning of March 3.', '2024-03-14')).toEqual(['the morning of March 3=TIME:2024-03-03TMO']);
    expect(readings('Gunfire erupted on the night of Nov. 5, 2023.', '2024-03-14')).toEqual(['the night of Nov. 5, 2023=TIME:2023-11-05TNI']);
  });
});

describe('extents of hyphenated quarters and lengths, and a sentence-initial "Last"', () => {
  it.each([
    ['Acme said its third-quarter profit rose.', '2024-10-14', 'third-quarter=DATE:2024-Q3'],
    ['The 23-year Israeli presence ended.', '2024-10-14', '23-year=DURATION:P23Y'],
    ['Last April, the firm unveiled its chip.', '2024-10-14', 'Last April=DATE:2024-04'],
  ])('%s → %s', (text, publishedAt, reading) => {
    expect(readings(text, publishedAt)).toEqual([reading]);
  });
});

describe('"the same period" and quarters still to come (published 1997-04-25)', () => {
  const published = '1997-04-25';
  it('reads "the same period" as the time last named, or leaves it when none was', () => {
    expect(readings('Inflation rose to 10.7% in March. Food prices rose 5% during the same period.', published)).toEqual(['March=DATE:1997-03', 'the same period=DATE:1997-03']);
    expect(readings('Food prices rose 5% during the same period.', published)).toEqual([]);
  });

  it('puts a quarter not yet begun in last year when told in the past', () => {
    expect(readings('Acme said third-quarter profit rose.', published)).toEqual(['third-quarter=DATE:1996-Q3']);
    expect(readings('Acme expects third-quarter profit to rise.', published)).toEqual(['third-quarter=DATE:1997-Q3']);
  });
});

describe('news of the economy (published Friday 2013-05-03)', () => {
  const published = '2013-05-03';
  it('leaves the unit of a rate with a counted noun unmarked', () => {
    expect(readings('The economy added an average of 208,000 jobs a month.', published)).toEqual([]);
    expect(readings('The airline will operate one flight a day to each city.', published)).toEqual([]);
    expect(readings('He served a year in jail.', published)).toEqual(['a year=DURATION:P1Y']);
  });

  it('names the century of "a century ago", as "a decade ago" names the decade', () => {
    expect(readings('The liner sank a century ago.', published)).toEqual(['a century ago=DATE:19']);
  });

  it('reads a quarter named by its months', () => {
    expect(readings('Consumer spending grew in the January-March quarter.', published)).toEqual(['the January-March quarter=DATE:2013-Q1']);
    expect(readings('Exports fell in the July-September period.', published)).toEqual(['the July-September period=DATE:2012-Q3']);
  });
});

describe('"for the year" in a report on a quarter (published 2024-01-24)', () => {
  it('is the reported quarter\'s year, else the current one', () => {
    expect(readings('Acme said fourth-quarter profit rose 5%. For the year, sales fell 2%.', '2024-01-24')).toEqual(['fourth-quarter=DATE:2023-Q4', 'the year=DATE:2023']);
    expect(readings('For the year, sales are expected to fall.', '2024-01-24')).toEqual(['the year=DATE:2024']);
    expect(readings('Acme said fourth-quarter profit rose 5%. For the full year, sales fell 2%.', '2024-01-24')[1]).toBe('the full year=DATE:2023');
  });
});

describe('a day of a month the story does not name (published 2024-03-14)', () => {
  it.each([
    ['The vote is scheduled for the 15th of next month.', 'the 15th of next month=DATE:2024-04-15'],
    ['Talks will resume on the 20th.', 'the 20th=DATE:2024-03-20'],
    ['The rebels attacked on the 2nd.', 'the 2nd=DATE:2024-03-02'],
    ['The rebels attacked on the 20th.', 'the 20th=DATE:2024-02-20'],
  ])('%s → %s', (text, reading) => {
    expect(readings(text, '2024-03-14')).toEqual([reading]);
  });
});

describe('a story\'s own time line (published 2024-03-14)', () => {
  it.each([
    ['Police arrested him on March 3. He had been seen the day before.', 'the day before=DATE:2024-03-02'],
    ['The bill passed in 2019. The next year, it was repealed.', 'The next year=DATE:2020'],
    ['Sales will grow over the next year.', 'the next year=DATE:2025'],
    ['The report was published on Tuesday. Days later, the minister quit.', 'Days=DURATION:PXD'],
    ['Hours after the blast, police sealed off the area.', 'Hours=DURATION:PTXH'],
  ])('%s → %s', (text, reading) => {
    expect(readings(text, '2024-03-14')).toContain(reading);
  });
});
