import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type HttpHarness } from './http-client.js';

/** The seed article's text, repeated to a long submission (about 60,000 characters). */
function longArticle(): string {
  const seed = readFileSync(new URL('../../examples/seed/000_09a13298e7180d8f.txt', import.meta.url), 'utf8');
  const body = seed.replace(/^date .*\n/, '');
  return body.repeat(Math.floor(60_000 / body.length));
}

describe('ingestArticle over the API', () => {
  let harness: HttpHarness;
  beforeAll(async () => {
    harness = await openHarness();
  });
  afterAll(async () => harness.close());

  it('extracts on a worker thread: reads go on while a long article is extracted', async () => {
    // The first ingest starts the worker (it loads the extraction's lexicons and models), as on a fresh server.
    const warm = await harness.post('mutation { ingestArticle(input: { content: "PARIS (AFP) - Police said 3 people were hurt in Paris on Monday.", publishedAt: "2023-11-06" }) { status } }');
    expect(warm.body.errors).toBeUndefined();
    const content = longArticle();
    expect(content.length).toBeGreaterThan(50_000);
    let done = false;
    const started = Date.now();
    const ingest = harness
      .post('mutation ($c: String!) { ingestArticle(input: { content: $c, publishedAt: "2023-11-05", url: "https://example.org/long" }) { status } }', { c: content })
      .finally(() => {
        done = true;
      });
    // A read every 20 ms all along the ingest. On the request thread, the extraction would hold them all up for
    // as long as it runs (seconds): the gap between two reads answering would be that long.
    const answeredAt: number[] = [];
    while (!done) {
      const read = await harness.post('{ events(first: 1) { totalCount } }');
      expect(read.body.errors).toBeUndefined();
      answeredAt.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const result = await ingest;
    expect(result.body.errors, JSON.stringify(result.body.errors)).toBeUndefined();
    expect(result.body.data.ingestArticle.status).toBe('CREATED');
    const took = Date.now() - started;
    const gaps = answeredAt.slice(1).map((at, index) => at - answeredAt[index]!);
    const longestGap = Math.max(...gaps);
    console.log(`ingest of ${content.length} characters: ${took} ms; ${answeredAt.length} reads meanwhile, the longest gap between two ${longestGap} ms`);
    expect(answeredAt.length).toBeGreaterThan(10);
    expect(longestGap).toBeLessThan(took / 3);
  }, 120_000);
});
