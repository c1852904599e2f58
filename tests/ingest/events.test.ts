// Event candidates from hand-written wire sentences: how clauses of one article become one event or several.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/ingest/extract/document.js';
import { sameTriggerFamily, triggerFamiliesOf } from '../../src/graph/same-event.js';

function eventsOf(text: string, publishedAt = '2024-03-07') {
  const document = extractDocument({ source: 'test', format: 'text', publishedAt, text });
  return document.events.map((event) => ({
    type: event.type,
    title: event.title,
    startsOn: event.date.startsOn,
    approximate: event.date.approximate,
    mentions: event.mentions.length,
    places: event.places.map((link) => document.entities[link.entity]!.text),
  }));
}

describe('events of one article', () => {
  it('dates a hostage-taking or an arrest on the day the holding began, and an ongoing protest over its weeks', () => {
    const taking = eventsOf('Rebels have held 72 hostages in the ambassador\'s residence in Lima for 18 weeks.', '1997-04-22');
    expect(taking.find((event) => event.type === 'HOSTAGE_TAKING')).toMatchObject({ startsOn: '1996-12-17', approximate: true });
    expect(extractDocument({ source: 'test', format: 'text', publishedAt: '1997-04-22', text: 'Rebels have held 72 hostages in Lima for 18 weeks.' }).events[0]!.date.endsOn).toBe('1996-12-17');
    const protest = extractDocument({ source: 'test', format: 'text', publishedAt: '1997-04-22', text: 'Students have protested in Belgrade for three weeks.' }).events[0]!;
    expect(protest.type).toBe('PROTEST');
    expect([protest.date.startsOn, protest.date.endsOn]).toEqual(['1997-04-01', '1997-04-22']);
  });


  it('merges an undated clause that names the event again into the dated event, which keeps its date', () => {
    const events = eventsOf('A car bomb exploded outside a police station in Kandahar on Tuesday, killing six officers. The blast also wounded a dozen passers-by, police said.');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'ATTACK', startsOn: '2024-03-05', approximate: false, mentions: 2, places: ['Kandahar'] });
  });

  it('takes the stated date when the undated mention comes first', () => {
    const events = eventsOf('The bombing in Kandahar killed six officers. A car bomb exploded there on Tuesday outside a police station in Kandahar.');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ startsOn: '2024-03-05', approximate: false, mentions: 2 });
  });

  it('keeps a bombing in one city and a shooting in another as two events', () => {
    const events = eventsOf('A suicide bomber attacked a market in Kandahar on Tuesday. In Herat, gunmen opened fire on a bus.');
    expect(events.filter((event) => event.type === 'ATTACK')).toHaveLength(2);
  });

  it('keeps the same kind of event in two cities apart', () => {
    const events = eventsOf('A car bomb exploded in Kandahar on Tuesday. Another car bomb exploded in Herat on Tuesday.');
    expect(events.map((event) => event.places)).toEqual([['Kandahar'], ['Herat']]);
  });
});

describe('what a clause reports', () => {
  it('types a fire as an accident unless someone set it, and a shooting is no fire', () => {
    expect(eventsOf('A fire killed three people in a hotel in Lyon on Tuesday.')).toMatchObject([{ type: 'ACCIDENT', title: 'Fire in Lyon' }]);
    expect(eventsOf('A blaze swept through a market in Dhaka on Monday.')).toMatchObject([{ type: 'ACCIDENT', places: ['Dhaka'] }]);
    expect(eventsOf('Police said the warehouse in Lyon was destroyed by arson on Tuesday.')).toMatchObject([{ type: 'ATTACK' }]);
    expect(eventsOf('Gunmen opened fire on a bus in Herat on Tuesday.').map((event) => event.type)).toEqual(['ATTACK']);
    expect(eventsOf('Troops came under fire near the border on Tuesday.').map((event) => event.type)).not.toContain('ACCIDENT');
    expect(eventsOf('After the gunshots, explosions and fire, military marches were blaring.').map((event) => event.type)).not.toContain('ACCIDENT');
  });

  it('finds resignations, appointments, polls and market sessions, with their own headline nouns', () => {
    expect(eventsOf('The prime minister resigned on Monday.')).toMatchObject([{ type: 'OTHER', title: 'Prime minister resignation', startsOn: '2024-03-04' }]);
    expect(eventsOf('An opinion poll published on Tuesday gave the opposition a ten-point lead.')).toMatchObject([{ type: 'OTHER', title: 'Opinion poll' }]);
    expect(eventsOf('Share prices fell sharply in Tokyo on Tuesday.')).toMatchObject([{ type: 'ECONOMIC', title: 'Market fall in Tokyo', startsOn: '2024-03-05' }]);
  });

  it('takes a statement or a toll only when the clause names no other happening', () => {
    expect(eventsOf('The foreign ministry summoned the French ambassador on Friday.').map((event) => event.type)).toEqual(['STATEMENT']);
    expect(eventsOf('The opposition accused the government of fraud on Friday.').map((event) => event.type)).toEqual(['STATEMENT']);
    expect(eventsOf('The ministry accused rebels of shelling the town on Friday.').map((event) => event.type)).toEqual(['ATTACK']);
    expect(eventsOf('Rebels shelled the town on Friday, the ministry announced.').map((event) => event.type)).toEqual(['ATTACK']);
    expect(eventsOf('Twelve people were killed in the north on Friday.').map((event) => event.type)).toEqual(['CASUALTIES']);
    // An election named as a noun frames the clause as often as it is its news.
    expect(eventsOf('The minister announced on Friday that elections would be held in May.').map((event) => event.type)).toEqual(['STATEMENT']);
    expect(eventsOf('Voters went to the polls in Croatia on Sunday.').map((event) => event.type)).toEqual(['ELECTION']);
  });

  it('leaves out what the clause says did not or may not happen', () => {
    expect(eventsOf('Troops will not be deployed to the border, the minister said.')).toEqual([]);
    expect(eventsOf('The rebels could attack the capital within days.')).toEqual([]);
    expect(eventsOf('The president plans to visit Paris.')).toEqual([]);
    expect(eventsOf('Campaigning began on Monday ahead of the presidential election.').map((event) => event.type)).not.toContain('ELECTION');
    expect(eventsOf('Police were on alert against a possible attack in the capital.')).toEqual([]);
  });

  it('takes a participle that describes people for no act: "in front of kidnapped persons\' fliers" is no kidnapping', () => {
    expect(eventsOf('A woman lit a candle in front of kidnapped persons\' photos at a synagogue in Berlin.').map((event) => event.type)).toEqual(['VIGIL']);
    expect(eventsOf('Gunmen kidnapped two engineers in Lagos on Monday.').map((event) => event.type)).toEqual(['HOSTAGE_TAKING']);
    expect(eventsOf('Two engineers were kidnapped in Lagos on Monday.').map((event) => event.type)).toEqual(['HOSTAGE_TAKING']);
  });

  it('joins what a clause says is going on to what goes on "for over a week" up to the report', () => {
    const flights = eventsOf('The navy has been flying drones over the strait, officials said. They have carried out the drone flights for over a week.');
    expect(flights).toMatchObject([{ type: 'MILITARY_OPERATION', mentions: 2 }]);
  });

  it('keeps two happenings of one kind apart, on one day too, unless the second names the first again or points back to it', () => {
    const history = eventsOf('The carrier took part in the invasion of Grenada. It later served in the Gulf War.');
    expect(history.filter((event) => event.type === 'MILITARY_OPERATION')).toHaveLength(2);
    const economy = eventsOf('Share prices fell in Kuala Lumpur on Tuesday. The central bank imposed lending curbs on Tuesday.');
    expect(economy.filter((event) => event.type === 'ECONOMIC')).toHaveLength(2);
    const raid = eventsOf('Troops stormed the embassy in Lima. The raid freed all the hostages, officials said.');
    expect(raid.filter((event) => event.type === 'MILITARY_OPERATION')).toMatchObject([{ mentions: 2 }]);
  });
});

describe('event titles', () => {
  it('read like headlines: actor, what happened, the most specific place', () => {
    expect(eventsOf('Hamas fighters attacked Israel on Saturday.').map((event) => event.title)).toEqual(['Hamas attack on Israel']);
    expect(eventsOf('A powerful earthquake shook the town of Bam in Iran on Friday, officials said.').map((event) => event.title)).toEqual(['Earthquake in Bam']);
    expect(eventsOf('A car bomb exploded outside a police station in Kandahar on Tuesday.').map((event) => event.title)).toEqual(['Car bombing in Kandahar']);
    // Without a name, the clause's own subject says who: never a bare type word where the text says more.
    expect(eventsOf('The foreign ministry summoned the French ambassador on Friday.').map((event) => event.title)).toEqual(['Foreign ministry diplomatic protest']);
    expect(eventsOf('Police arrested 30 people in Lagos on Tuesday.').map((event) => event.title)).toEqual(['Police arrests in Lagos']);
    expect(eventsOf('Twelve people were killed in Kandahar on Friday.').map((event) => event.title)).toEqual(['Twelve people killed in Kandahar']);
    expect(eventsOf('The army launched an offensive on Monday.').map((event) => event.title)).toEqual(['Offensive']);
  });
});

describe('trigger families', () => {
  it('tells bombings, shootings and quakes apart and lets generic words go with any', () => {
    expect([...triggerFamiliesOf('Car bomb in Kandahar')]).toEqual(['bombing']);
    expect(sameTriggerFamily('blast', 'suicide bomber')).toBe(true);
    expect(sameTriggerFamily('bombing', 'opened fire')).toBe(false);
    expect(sameTriggerFamily('attacked', 'opened fire')).toBe(true);
    expect(sameTriggerFamily('earthquake', 'floods')).toBe(false);
  });
});
