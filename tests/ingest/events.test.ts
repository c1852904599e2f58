// Event candidates from hand-written wire sentences: how clauses of one article become one event or several.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/ingest/extract/document.js';
import { sameTriggerFamily, triggerFamiliesOf } from '../../src/ingest/extract/events.js';

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

describe('event titles', () => {
  it('read like headlines: actor, what happened, the most specific place', () => {
    expect(eventsOf('Hamas fighters attacked Israel on Saturday.').map((event) => event.title)).toEqual(['Hamas attack on Israel']);
    expect(eventsOf('A powerful earthquake shook the town of Bam in Iran on Friday, officials said.').map((event) => event.title)).toEqual(['Earthquake in Bam']);
    expect(eventsOf('A car bomb exploded outside a police station in Kandahar on Tuesday.').map((event) => event.title)).toEqual(['Car bombing in Kandahar']);
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
