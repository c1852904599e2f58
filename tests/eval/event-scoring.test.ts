// The event scorer on tiny made-up inputs whose right answers are known by hand: one-to-one matching, the stacked
// levels and their date and place rules, B³ and MUC.
import { describe, expect, it } from 'vitest';
import type { GoldEvent } from '../../eval/events/gold-format.js';
import { bCubed, datesAgree, matchForDiagnosis, matchOneToOne, maximumWeightAssignment, muc, passes, placeKey, placesAgree, type SystemEvent } from '../../eval/events/scoring.js';

function goldEvent(key: string, start: number, end: number, extra: Partial<GoldEvent> = {}): GoldEvent {
  return {
    key,
    cluster: key,
    type: 'ATTACK',
    date: { startsOn: '1997-04-22', endsOn: '1997-04-22', precision: 'DAY' },
    background: false,
    places: [],
    participants: [],
    mentions: [{ start, end, text: 'x'.repeat(end - start) }],
    ...extra,
  };
}

function systemEvent(id: number, mentions: [number, number][], extra: Partial<SystemEvent> = {}): SystemEvent {
  return {
    id,
    type: 'ATTACK',
    title: `s${id}`,
    date: { startsOn: '1997-04-22', endsOn: '1997-04-22', precision: 'DAY' },
    mentions: mentions.map(([start, end]) => ({ start, end })),
    placeNames: [],
    ...extra,
  };
}

describe('matchOneToOne', () => {
  it('lets one system event match one gold event only, even when its sentence covers two', () => {
    const golds = [goldEvent('a', 0, 5), goldEvent('b', 10, 15)];
    const pairs = matchOneToOne(golds, [systemEvent(0, [[0, 20]])], 'span');
    expect(pairs).toHaveLength(1);
  });

  it('finds the largest matching, not the greedy one', () => {
    // Gold a overlaps s0 most, but only s0 can take gold b: the best matching pairs a-s1 and b-s0.
    const golds = [goldEvent('a', 0, 10), goldEvent('b', 20, 25)];
    const systems = [systemEvent(0, [[0, 30]]), systemEvent(1, [[8, 10]])];
    expect(matchOneToOne(golds, systems, 'span')).toEqual([{ gold: 0, system: 1 }, { gold: 1, system: 0 }]);
  });

  it('prefers the system event whose trigger is the gold mention', () => {
    const golds = [goldEvent('a', 40, 47)];
    const systems = [systemEvent(0, [[0, 100]], { trigger: { start: 10, end: 17 } }), systemEvent(1, [[0, 100]], { trigger: { start: 40, end: 47 } })];
    expect(matchOneToOne(golds, systems, 'span')).toEqual([{ gold: 0, system: 1 }]);
  });

  it('among matchings of one size, keeps the pairs whose triggers agree (an augmenting search alone would swap them)', () => {
    const golds = [
      goldEvent('a', 10, 14, { mentions: [{ start: 10, end: 14, text: 'xxxx' }, { start: 50, end: 53, text: 'xxx' }] }),
      goldEvent('b', 20, 27, { mentions: [{ start: 20, end: 27, text: 'xxxxxxx' }, { start: 58, end: 60, text: 'xx' }] }),
    ];
    const systems = [systemEvent(0, [[0, 40]], { trigger: { start: 10, end: 14 } }), systemEvent(1, [[45, 60]], { trigger: { start: 45, end: 47 } })];
    expect(matchOneToOne(golds, systems, 'span')).toEqual([{ gold: 0, system: 0 }, { gold: 1, system: 1 }]);
  });

  it('solves rectangular assignments exactly', () => {
    expect(maximumWeightAssignment([[1, 5, 0], [4, 6, 0]])).toEqual(expect.arrayContaining([{ gold: 0, system: 1 }, { gold: 1, system: 0 }]));
    expect(maximumWeightAssignment([[3], [7], [2]]).filter((pair) => pair.system === 0)).toEqual([{ gold: 1, system: 0 }]);
  });

  it('matches nothing that does not overlap', () => {
    expect(matchOneToOne([goldEvent('a', 0, 5)], [systemEvent(0, [[5, 9]])], 'span')).toEqual([]);
  });

  it('stacks the levels: a wrong type fails every level after the span', () => {
    const golds = [goldEvent('a', 0, 5)];
    const systems = [systemEvent(0, [[0, 9]], { type: 'MEETING' })];
    expect(matchOneToOne(golds, systems, 'span')).toHaveLength(1);
    expect(matchOneToOne(golds, systems, 'type')).toHaveLength(0);
    expect(matchOneToOne(golds, systems, 'place')).toHaveLength(0);
  });
});

describe('matchForDiagnosis', () => {
  it('judges a sentence\'s one system event against the gold event it agrees with, not the one it overlaps most', () => {
    const golds = [goldEvent('hajj', 0, 30, { type: 'OTHER' }), goldEvent('fire', 40, 45, { type: 'ACCIDENT' })];
    const systems = [systemEvent(0, [[0, 60]], { type: 'ACCIDENT' })];
    expect(matchOneToOne(golds, systems, 'span')).toEqual([{ gold: 0, system: 0 }]);
    expect(matchForDiagnosis(golds, systems)).toEqual([{ gold: 1, system: 0 }]);
  });
});

describe('datesAgree', () => {
  const day = { startsOn: '1997-04-22', endsOn: '1997-04-22', precision: 'DAY' as const };
  it('wants the gold day inside a day-precision system range', () => {
    expect(datesAgree(day, { startsOn: '1997-04-22', endsOn: '1997-04-22', precision: 'DAY' })).toBe(true);
    expect(datesAgree(day, { startsOn: '1997-04-21', endsOn: '1997-04-23', precision: 'DAY' })).toBe(true);
    expect(datesAgree(day, { startsOn: '1997-04-23', endsOn: '1997-04-23', precision: 'DAY' })).toBe(false);
    expect(datesAgree(day, { startsOn: '1997-04-01', endsOn: '1997-04-30', precision: 'MONTH' })).toBe(false);
  });

  it('wants a system date inside a gold range or month', () => {
    const month = { startsOn: '1997-02-01', endsOn: '1997-02-28', precision: 'MONTH' as const };
    expect(datesAgree(month, { startsOn: '1997-02-01', endsOn: '1997-02-28', precision: 'MONTH' })).toBe(true);
    expect(datesAgree(month, { startsOn: '1997-04-10', endsOn: '1997-04-10', precision: 'DAY' })).toBe(false);
  });

  it('accepts any date for an undated gold event', () => {
    expect(datesAgree({ ...day, approximate: true, undated: true }, { startsOn: '1990-01-01', endsOn: '1990-12-31', precision: 'YEAR' })).toBe(true);
  });
});

describe('places', () => {
  it('folds case, accents, punctuation, "the" and the stated aliases', () => {
    expect(placeKey('U.S.')).toBe(placeKey('United States'));
    expect(placeKey('Vlorë')).toBe(placeKey('Vlore'));
    expect(placeKey('The Hague')).toBe(placeKey('hague'));
    expect(placeKey('Lima')).not.toBe(placeKey('Peru'));
  });

  it('needs one gold LOCATION among the system event\'s places, and passes a gold event without one', () => {
    const withPlace = goldEvent('a', 0, 5, { places: [{ name: 'Lima', role: 'LOCATION' }, { name: 'Tokyo', role: 'DESTINATION' }] });
    expect(placesAgree(withPlace, systemEvent(0, [[0, 5]], { placeNames: [['Lima', 'Ciudad de Lima']] }))).toBe(true);
    expect(placesAgree(withPlace, systemEvent(0, [[0, 5]], { placeNames: [['Tokyo']] }))).toBe(false);
    expect(placesAgree(goldEvent('b', 0, 5), systemEvent(0, [[0, 5]], { placeNames: [['Tokyo']] }))).toBe(true);
    expect(passes('place', withPlace, systemEvent(0, [[0, 5]], { placeNames: [['Peru']] }))).toBe(false);
  });
});

describe('cluster scores', () => {
  // Gold {a b c} {d e}; system {a b} {c d e}.
  const items = [
    { gold: 'G1', system: 'S1' },
    { gold: 'G1', system: 'S1' },
    { gold: 'G1', system: 'S2' },
    { gold: 'G2', system: 'S2' },
    { gold: 'G2', system: 'S2' },
  ];

  it('computes B³ by hand-checked values', () => {
    const result = bCubed(items);
    expect(result.precision).toBeCloseTo(11 / 15, 10);
    expect(result.recall).toBeCloseTo(11 / 15, 10);
    const singletons = bCubed([{ gold: 'G', system: 'x' }, { gold: 'G', system: 'y' }, { gold: 'G', system: 'z' }]);
    expect([singletons.precision, singletons.recall]).toEqual([1, 1 / 3]);
  });

  it('computes MUC by hand-checked values', () => {
    const result = muc(items);
    expect(result.precision).toBeCloseTo(2 / 3, 10);
    expect(result.recall).toBeCloseTo(2 / 3, 10);
  });
});
