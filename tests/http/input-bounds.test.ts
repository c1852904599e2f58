import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../src/http/global-ids.js';
import { openHarness, type HttpHarness } from './http-client.js';

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('input bounds', () => {
  let harness: HttpHarness;
  beforeAll(async () => {
    harness = await openHarness();
  });
  afterAll(async () => harness.close());

  it('refuses an event that spans millennia, so every "from" filter keeps working', async () => {
    const { body } = await harness.post('mutation { createEvent(input: { title: "x", date: { start: "0001-01-01", end: "2000-01-01" } }) { id } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/0001-01-01 is outside the days this API accepts \(1000-01-01 to 2199-12-31\)/);
    const long = await harness.post('mutation { createEvent(input: { title: "x", date: { start: "1800", end: "2000" } }) { id } }');
    expect(long.body.errors?.[0]?.message).toMatch(/at most 36525 days \(100 years\)/);
    const war = await harness.post('mutation { createEvent(input: { title: "The Cold War", date: { start: "1947", end: "1991" } }) { id date { start end } } }');
    expect(war.body.errors).toBeUndefined();
    expect(war.body.data.createEvent.date).toEqual({ start: '1947', end: '1991' });
    const filtered = await harness.post('{ events(filter: { from: "2023-10-01" }) { totalCount } timeline(filter: { from: "2023-10-01" }) { totalCount } }');
    expect(filtered.body.errors).toBeUndefined();
    expect(filtered.body.data.events.totalCount).toBeGreaterThan(0);
    expect((await harness.get('/export/events.geojson?from=2023-10-01')).status).toBe(200);
  });

  it('refuses days outside 1000-01-01 to 2199-12-31 in filters, naming the bounds', async () => {
    for (const day of ['0999-12-31', '2200-01-01', '0001-01-01']) {
      const { body } = await harness.post('query ($d: Date) { events(filter: { from: $d }) { totalCount } }', { d: day });
      expect(body.errors?.[0]?.extensions?.code, day).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/1000-01-01 to 2199-12-31/);
    }
    expect((await harness.post('{ events(filter: { from: "1000-01-01", to: "2199-12-31" }) { totalCount } }')).body.errors).toBeUndefined();
  });

  it('takes only http(s) URLs as article URLs, as the argument or inside the content', async () => {
    const content = 'PARIS, Nov 4 (AFP) - Police said 3 people were hurt in Paris on Monday.';
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>x</script>', 'file:///etc/passwd', 'ftp://example.org/a']) {
      const { body } = await harness.post('mutation ($c: String!, $u: String) { ingestArticle(input: { content: $c, publishedAt: "2023-11-04", url: $u }) { status } }', {
        c: content,
        u: url,
      });
      expect(body.errors?.[0]?.extensions?.code, url).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/http:\/\/ or https:\/\//);
    }
    const json = JSON.stringify({ url: 'javascript:alert(1)', title: 't', publishedAt: '2023-11-04', text: content });
    const inside = await harness.post('mutation ($c: String!) { ingestArticle(input: { content: $c, format: JSON }) { status } }', { c: json });
    expect(inside.body.errors?.[0]?.message).toMatch(/url must be an http:\/\/ or https:\/\/ URL, not javascript:/);
    expect(await harness.database.prisma.article.count({ where: { url: { startsWith: 'javascript:' } } })).toBe(0);
  });

  it('bounds the length of an article and of a publication date', async () => {
    const { body } = await harness.post('mutation ($c: String!) { ingestArticle(input: { content: $c, publishedAt: "2023-11-04" }) { status } }', { c: 'word '.repeat(40_001) });
    expect(body.errors?.[0]?.message).toMatch(/at most 100,000 characters/);
    const old = await harness.post('mutation { ingestArticle(input: { content: "Police said 3 people were hurt.", publishedAt: "0001-01-01" }) { status } }');
    expect(old.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('export parameters', () => {
  let harness: HttpHarness;
  beforeAll(async () => {
    harness = await openHarness();
  });
  afterAll(async () => harness.close());

  it('answers every bad parameter with a 400 naming it, before any query', async () => {
    const bad: [string, string][] = [
      [`place=${encodeURIComponent(encodeNodeId('Place', 2_147_483_648))}`, 'place'],
      [`person=${encodeURIComponent(encodeNodeId('Person', '999999999999999'))}`, 'person'],
      [`after=${b64url('9999-99-99:1')}`, 'after'],
      [`after=${b64url('2023-10-07:99999999999')}`, 'after'],
      [`after=${b64url('0000-01-01:1')}`, 'after'],
      ['search=%00', 'search'],
      ['search=a%00b', 'search'],
      ['from=0001-01-01', 'from'],
      ['to=9999-12-31', 'to'],
      ['from=2023-02-29', 'from'],
      ['from=%00', 'from'],
      ['limit=99999999999', 'limit'],
      ['limit=-1', 'limit'],
      ['minArticles=1e9', 'minArticles'],
      ['types=%00', 'types'],
      ['%00=1', '\u0000'],
    ];
    for (const path of ['/export/timelinejs.json', '/export/events.geojson']) {
      for (const [query, parameter] of bad) {
        harness.statements.length = 0;
        const response = await harness.get(`${path}?${query}`);
        expect(response.status, `${path}?${query}`).toBe(400);
        const body = await response.json();
        expect(body).toMatchObject({ parameter, code: 'BAD_USER_INPUT' });
        expect(harness.statements, `${path}?${query} ran SQL`).toEqual([]);
      }
    }
  });

  it('still serves good parameters', async () => {
    const response = await harness.get('/export/timelinejs.json?from=2023-10-01&to=2023-11-30&limit=2');
    expect(response.status).toBe(200);
    expect((await response.json()).events.length).toBeGreaterThan(0);
  });
});
