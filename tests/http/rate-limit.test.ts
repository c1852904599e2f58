import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type HttpHarness } from './http-client.js';
import { createTestApiKey } from '../support/api-keys.js';
import { hashApiKey } from '../../src/auth/api-keys.js';
import type { RateLimitSettings } from '../../src/http/rate-limit.js';

const redisUrl = process.env.NEWSLINE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const client = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

const redisAvailable = await redisReachable();
if (!redisAvailable) {
  const message = `Redis is not reachable at ${redisUrl}: the shared (Redis) rate-limit suite is SKIPPED; the in-memory one runs.`;
  if (process.env.CI) throw new Error(`${message} In CI Redis must run on 127.0.0.1:6379.`);
  console.warn(`\n*** ${message} ***\n`);
}

const settings = (extra: Partial<RateLimitSettings> = {}): RateLimitSettings => ({
  anonymousRequestsPerWindow: 3,
  keyedRequestsPerWindow: 5,
  rateLimitWindowSeconds: 60,
  keyPrefix: `newsline-test:${randomBytes(6).toString('hex')}`,
  ...extra,
});

const query = '{ __typename }';

describe('rate limits in memory', () => {
  let harness: HttpHarness;
  beforeAll(async () => {
    harness = await openHarness({ rateLimit: settings() }, false);
  });
  afterAll(async () => harness.close());

  it('gives a client address 3 requests a window, then 429 with Retry-After and a coded error', async () => {
    for (let index = 0; index < 3; index += 1) {
      const response = await harness.post(query, undefined, { address: '198.51.100.7' });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-remaining')).toBe(String(2 - index));
    }
    const refused = await harness.post(query, undefined, { address: '198.51.100.7' });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 3, windowSeconds: 60 });
    expect(refused.body.errors?.[0]?.message).toMatch(/3 requests per 60 s per client address/);
    // The exports draw on the same budget; another address has its own; /health is never limited.
    expect((await harness.get('/export/events.geojson', { address: '198.51.100.7' })).status).toBe(429);
    expect((await harness.post(query, undefined, { address: '198.51.100.8' })).status).toBe(200);
    expect((await harness.get('/health', { address: '198.51.100.7' })).status).toBe(200);
  });

  it('counts an API key apart from the address, by the key', async () => {
    const keyOne = await createTestApiKey(harness.database.prisma, ['curate'], 'key one');
    const keyTwo = await createTestApiKey(harness.database.prisma, ['curate'], 'key two');
    const as = (key: string) => ({ address: '203.0.113.9', headers: { authorization: `Bearer ${key}` } });
    for (let index = 0; index < 5; index += 1) expect((await harness.post(query, undefined, as(keyOne))).status).toBe(200);
    const refused = await harness.post(query, undefined, as(keyOne));
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.message).toMatch(/5 requests per 60 s per API key/);
    expect((await harness.post(query, undefined, { ...as(keyTwo), address: '203.0.113.10' })).status).toBe(200);
    // The address itself still has its own anonymous budget.
    expect((await harness.post(query, undefined, { address: '203.0.113.9' })).status).toBe(200);
  });

  it('does not give a fresh budget to each made-up token: requests with a token count per address too', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 7; index += 1) {
      statuses.push((await harness.post(query, undefined, { address: '203.0.113.77', headers: { authorization: `Bearer made-up-${index}` } })).status);
    }
    // Each made-up token is refused as no key (401); the address's budget still runs out, so it buys nothing.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const refused = await harness.post(query, undefined, { address: '203.0.113.77', headers: { authorization: 'Bearer made-up-8' } });
    expect(refused.body.errors?.[0]?.message).toMatch(/5 requests per 60 s per client address, whatever API keys it sends/);
  });
});

describe.skipIf(!redisAvailable)('rate limits in Redis, shared by server processes', () => {
  let first: HttpHarness;
  let second: HttpHarness;
  const shared = settings({ redisUrl });
  beforeAll(async () => {
    first = await openHarness({ rateLimit: shared }, false);
    second = await openHarness({ rateLimit: shared }, false);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    const cleanup = new Redis(redisUrl);
    const keys = await cleanup.keys(`${shared.keyPrefix}*`);
    if (keys.length) await cleanup.del(...keys);
    await cleanup.quit();
  });

  it('draws both servers on one budget per address, and keeps the count in Redis', async () => {
    const address = { address: '192.0.2.44' };
    expect((await first.post(query, undefined, address)).status).toBe(200);
    expect((await second.post(query, undefined, address)).status).toBe(200);
    expect((await first.post(query, undefined, address)).status).toBe(200);
    const refused = await second.post(query, undefined, address);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    const redis = new Redis(redisUrl);
    try {
      const keys = await redis.keys(`${shared.keyPrefix}*`);
      expect(keys.some((key) => key.includes('192.0.2.44'))).toBe(true);
    } finally {
      await redis.quit();
    }
  });

  it('keys an API key by its sha256, never storing the key itself', async () => {
    // One key known to both servers' databases, as when they share one PostgreSQL database.
    const key = 'nl_secret-key-123-shared-by-both-test-servers';
    for (const server of [first, second]) {
      await server.database.prisma.apiKey.create({ data: { name: 'shared', prefix: key.slice(0, 11), hash: hashApiKey(key), scopes: ['CURATE'] } });
    }
    const as = { headers: { authorization: `Bearer ${key}` } };
    for (let index = 0; index < 5; index += 1) expect((await (index % 2 ? first : second).post(query, undefined, as)).status).toBe(200);
    expect((await first.post(query, undefined, as)).status).toBe(429);
    const redis = new Redis(redisUrl);
    try {
      const keys = await redis.keys(`${shared.keyPrefix}*`);
      expect(keys.some((stored) => stored.includes('secret-key-123'))).toBe(false);
      expect(keys.some((stored) => /[0-9a-f]{64}$/.test(stored))).toBe(true);
    } finally {
      await redis.quit();
    }
  });
});
