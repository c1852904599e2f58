// The hand-checked gold facts of the seed article (examples/seed/000_09a13298e7180d8f.facts.json):
// every span points at the text it quotes, every key it uses exists, every date is a real day range,
// and the headline facts a reader takes from the article are there.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ClaimMetric,
  ClaimQualifier,
  DatePrecision,
  EventRelationKind,
  EventType,
  OrganizationKind,
  ParticipantRole,
  PlaceKind,
  PlaceRole,
  SourceKind,
} from '../../src/db/generated/prisma/enums.js';
import { formatAtPrecision, parseDateExpression } from '../../src/graph/event-date.js';
import type { ArticleFacts, EventFact, FactKey, TextSpan } from '../../src/graph/facts.js';

const seedDir = fileURLToPath(new URL('../../examples/seed/', import.meta.url));
const articleFile = readFileSync(`${seedDir}000_09a13298e7180d8f.txt`, 'utf8');
const facts = JSON.parse(readFileSync(`${seedDir}000_09a13298e7180d8f.facts.json`, 'utf8')) as ArticleFacts;
const text = facts.article.text;

/** Every span in the facts, with where it sits, for messages that name the failing fact. */
function allSpans(): { where: string; span: TextSpan }[] {
  const spans: { where: string; span: TextSpan }[] = [];
  for (const list of ['people', 'organizations', 'places', 'sources', 'events'] as const) {
    for (const entity of facts[list]) {
      entity.mentions.forEach((span, i) => spans.push({ where: `${entity.key} mention ${i}`, span }));
    }
  }
  facts.claims.forEach((claim, i) => spans.push({ where: `claim ${i} (${claim.metric} ${claim.value}) quote`, span: claim.quote }));
  return spans;
}

function event(key: FactKey): EventFact {
  const found = facts.events.find((e) => e.key === key);
  if (!found) throw new Error(`no event ${key}`);
  return found;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
function isCalendarDay(value: string): boolean {
  if (!isoDay.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

describe('seed article gold facts', () => {
  it('analyses the seed file minus its header line and the blank line after it', () => {
    const header = ' date 2023-11-04 Reading Time: 2 minutes\n\n';
    expect(articleFile.startsWith(header)).toBe(true);
    expect(text).toBe(articleFile.slice(header.length));
    expect(text.startsWith('WASHINGTON (Reuters) – ')).toBe(true);
    expect(facts.article).toMatchObject({
      publishedOn: '2023-11-04',
      format: 'text',
      sourcePath: 'examples/seed/000_09a13298e7180d8f.txt',
      publisher: 's:reuters',
      datelinePlace: 'pl:washington',
    });
    expect(facts.article.url).toBeUndefined();
    expect(facts.article.title).toBeUndefined();
  });

  it('has spans whose text is exactly the slice of the article text they point at', () => {
    const spans = allSpans();
    expect(spans.length).toBeGreaterThan(50);
    for (const { where, span } of spans) {
      expect(Number.isInteger(span.start) && Number.isInteger(span.end), where).toBe(true);
      expect(span.start >= 0 && span.start < span.end && span.end <= text.length, where).toBe(true);
      expect(text.slice(span.start, span.end), where).toBe(span.text);
      expect(span.text.trim(), `${where}: no surrounding whitespace`).toBe(span.text);
    }
  });

  it('has unique keys and references only keys that exist, of the right kind', () => {
    const keys = (list: { key: string }[]) => new Set(list.map((e) => e.key));
    const people = keys(facts.people);
    const organizations = keys(facts.organizations);
    const places = keys(facts.places);
    const sources = keys(facts.sources);
    const events = keys(facts.events);
    const everything = [...facts.people, ...facts.organizations, ...facts.places, ...facts.sources, ...facts.events];
    expect(new Set(everything.map((e) => e.key)).size).toBe(everything.length);

    expect(sources.has(facts.article.publisher!)).toBe(true);
    expect(places.has(facts.article.datelinePlace!)).toBe(true);
    for (const place of facts.places) if (place.parent) expect(places.has(place.parent), place.key).toBe(true);
    for (const source of facts.sources) {
      if (source.person) expect(people.has(source.person), source.key).toBe(true);
      if (source.organization) expect(organizations.has(source.organization), source.key).toBe(true);
    }
    for (const e of facts.events) {
      for (const p of e.places ?? []) expect(places.has(p.place), `${e.key} place ${p.place}`).toBe(true);
      for (const p of e.people ?? []) expect(people.has(p.person), `${e.key} person ${p.person}`).toBe(true);
      for (const o of e.organizations ?? []) expect(organizations.has(o.organization), `${e.key} org ${o.organization}`).toBe(true);
      for (const m of e.mentions) if (m.source) expect(sources.has(m.source), `${e.key} mention source ${m.source}`).toBe(true);
      for (const r of e.relations ?? []) {
        expect(events.has(r.to), `${e.key} relation to ${r.to}`).toBe(true);
        expect(r.to, `${e.key} relates to itself`).not.toBe(e.key);
      }
    }
    for (const c of facts.claims) {
      expect(c.sources.length, `claim ${c.metric} ${c.value}`).toBeGreaterThan(0);
      for (const s of c.sources) expect(sources.has(s), `claim source ${s}`).toBe(true);
      if (c.event) expect(events.has(c.event), `claim event ${c.event}`).toBe(true);
      if (c.place) expect(places.has(c.place), `claim place ${c.place}`).toBe(true);
    }
  });

  it('has no cycle in the place hierarchy', () => {
    const parentOf = new Map(facts.places.map((p) => [p.key, p.parent]));
    for (const place of facts.places) {
      const seen = new Set<string>();
      for (let key: string | undefined = place.key; key; key = parentOf.get(key)) {
        expect(seen.has(key), `cycle through ${key}`).toBe(false);
        seen.add(key);
      }
    }
  });

  it('uses only enum values of the data model', () => {
    const values = (e: object) => Object.values(e) as string[];
    for (const o of facts.organizations) expect(values(OrganizationKind), o.key).toContain(o.kind);
    for (const p of facts.places) expect(values(PlaceKind), p.key).toContain(p.kind);
    for (const s of facts.sources) expect(values(SourceKind), s.key).toContain(s.kind);
    for (const e of facts.events) {
      expect(values(EventType), e.key).toContain(e.type);
      expect(values(DatePrecision), e.key).toContain(e.date.precision);
      for (const p of e.places ?? []) expect(values(PlaceRole), e.key).toContain(p.role);
      for (const p of [...(e.people ?? []), ...(e.organizations ?? [])]) expect(values(ParticipantRole), e.key).toContain(p.role);
      for (const r of e.relations ?? []) expect(values(EventRelationKind), e.key).toContain(r.kind);
    }
    for (const c of facts.claims) {
      expect(values(ClaimMetric)).toContain(c.metric);
      expect(values(ClaimQualifier)).toContain(c.qualifier);
    }
  });

  it('respects the uniqueness the database enforces per article', () => {
    for (const list of ['people', 'organizations', 'places', 'sources', 'events'] as const) {
      for (const entity of facts[list]) {
        const starts = entity.mentions.map((m) => m.start);
        expect(new Set(starts).size, `${entity.key}: two mentions start at the same offset`).toBe(starts.length);
      }
    }
    const claimKeys = facts.claims.map((c) => `${c.quote.start}:${c.metric}`);
    expect(new Set(claimKeys).size).toBe(claimKeys.length);
    for (const e of facts.events) {
      const roles = [
        ...(e.places ?? []).map((p) => `place ${p.place} ${p.role}`),
        ...(e.people ?? []).map((p) => `person ${p.person} ${p.role}`),
        ...(e.organizations ?? []).map((o) => `org ${o.organization} ${o.role}`),
        ...(e.relations ?? []).map((r) => `relation ${r.kind} ${r.to}`),
      ];
      expect(new Set(roles).size, e.key).toBe(roles.length);
    }
  });

  it('dates every event with real days, start not after end, start at the start of its period', () => {
    expect(isCalendarDay(facts.article.publishedOn)).toBe(true);
    for (const e of facts.events) {
      const { startsOn, endsOn, precision } = e.date;
      expect(isCalendarDay(startsOn), `${e.key} startsOn ${startsOn}`).toBe(true);
      expect(isCalendarDay(endsOn), `${e.key} endsOn ${endsOn}`).toBe(true);
      expect(startsOn <= endsOn, `${e.key}: ${startsOn} after ${endsOn}`).toBe(true);
      expect(endsOn <= facts.article.publishedOn, `${e.key} ends after publication`).toBe(true);
      expect(parseDateExpression(formatAtPrecision(startsOn, precision)).startsOn, `${e.key} start of its ${precision}`).toBe(startsOn);
      expect(e.mentions.length, e.key).toBeGreaterThan(0);
    }
    for (const c of facts.claims) if (c.reportedOn) expect(isCalendarDay(c.reportedOn)).toBe(true);
  });

  it('dates the Hamas attack 2023-10-07 at day precision, from "Oct. 7"', () => {
    const attack = event('ev:hamas-attack');
    expect(attack.type).toBe('ATTACK');
    expect(attack.date).toEqual({ startsOn: '2023-10-07', endsOn: '2023-10-07', precision: 'DAY', text: 'Oct. 7' });
    expect(attack.organizations).toContainEqual({ organization: 'o:hamas', role: 'ACTOR' });
    expect(attack.mentions.map((m) => m.text)).toEqual([
      'the Palestinian militant group attacked Israel on Oct. 7',
      expect.stringContaining('launched a surprise attack into Israel on Oct. 7'),
      'since Hamas militants launched an attack against Israel from the Gaza Strip on 07 October 2023',
    ]);
    expect(event('ev:hostage-taking').relations).toContainEqual({ kind: 'PART_OF', to: 'ev:hamas-attack' });
    expect(event('ev:israel-offensive-gaza').relations).toContainEqual({ kind: 'RESPONSE_TO', to: 'ev:hamas-attack' });
  });

  it('resolves "on Thursday" in a Saturday 2023-11-04 story to 2023-11-02 for the encirclement of Gaza City', () => {
    const encirclement = event('ev:gaza-city-encirclement');
    expect(encirclement.date).toEqual({ startsOn: '2023-11-02', endsOn: '2023-11-02', precision: 'DAY', text: 'on Thursday' });
    expect(new Date('2023-11-02T00:00:00Z').getUTCDay()).toBe(4);
    expect(encirclement.places).toContainEqual({ place: 'pl:gaza-city', role: 'LOCATION' });
    expect(encirclement.organizations).toEqual(
      expect.arrayContaining([
        { organization: 'o:idf', role: 'ACTOR' },
        { organization: 'o:hamas', role: 'TARGET' },
      ]),
    );
  });

  it('keeps the 242-hostages claim with both of its sources, and the other headline figures', () => {
    const claim = (metric: string, value: number) => {
      const found = facts.claims.filter((c) => c.metric === metric && c.value === value);
      expect(found, `${metric} ${value}`).toHaveLength(1);
      return found[0]!;
    };
    const hostages242 = claim('HOSTAGES', 242);
    expect(hostages242.qualifier).toBe('AT_LEAST');
    expect([...hostages242.sources].sort()).toEqual(['s:idf', 's:palestinian-health-authority']);
    expect(hostages242.place).toBe('pl:gaza-strip');

    expect(claim('KILLED', 1400)).toMatchObject({ qualifier: 'EXACT', event: 'ev:hamas-attack', sources: ['s:israeli-officials'] });
    expect(claim('KILLED', 9061)).toMatchObject({ qualifier: 'AT_LEAST', sources: ['s:gaza-health-authorities'] });
    expect(claim('HOSTAGES', 200)).toMatchObject({ qualifier: 'MORE_THAN', sources: ['s:us-officials'] });
    expect(claim('MISSING', 10)).toMatchObject({ qualifier: 'EXACT', subject: 'Americans', sources: ['s:us-officials'] });
    expect(claim('POPULATION', 2_300_000)).toMatchObject({ place: 'pl:gaza-strip', sources: ['s:reuters'] });
    for (const c of facts.claims) expect(c.quote.text, `${c.metric} ${c.value}`).toMatch(/\d/);
  });

  it('places Gaza City inside the Gaza Strip and the synagogue inside Berlin, Germany', () => {
    const place = (key: string) => facts.places.find((p) => p.key === key)!;
    expect(place('pl:gaza-city')).toMatchObject({ parent: 'pl:gaza-strip', countryCode: 'PS', gazetteerId: 'geonames:281133' });
    expect(place('pl:synagogue-muenstersche-strasse')).toMatchObject({ kind: 'SITE', parent: 'pl:berlin' });
    expect(place('pl:berlin')).toMatchObject({ parent: 'pl:germany', gazetteerId: 'geonames:2950159' });
    expect(place('pl:washington')).toMatchObject({ parent: 'pl:united-states', gazetteerId: 'geonames:4140963' });
    for (const p of facts.places) {
      if (p.latitude !== undefined) expect(Math.abs(p.latitude) <= 90 && p.longitude !== undefined && Math.abs(p.longitude) <= 180, p.key).toBe(true);
      if (p.countryCode !== undefined) expect(p.countryCode, p.key).toMatch(/^[A-Z]{2}$/);
      if (p.gazetteerId !== undefined) expect(p.gazetteerId, p.key).toMatch(/^geonames:\d+$/);
    }
  });
});
