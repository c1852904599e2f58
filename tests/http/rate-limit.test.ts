import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type HttpHarness } from './http-client.js';
import { createTestApiKey } from '../support/api-keys.js';
import { hashApiKey } from '../../src/auth/api-keys.js';
import type { RateLimitSettings } from '../../src/http/rate-limit.js';
import { clientAddressOf } from '../../src/http/client-address.js';

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

  it('counts a token that is not a valid key per address, at the anonymous rate, with the requests that send none', async () => {
    const statuses: number[] = [];
    const address = '203.0.113.77';
    // One request without a token, then made-up tokens, each new: they draw on the one anonymous budget of 3.
    statuses.push((await harness.post(query, undefined, { address })).status);
    for (let index = 0; index < 5; index += 1) {
      statuses.push((await harness.post(query, undefined, { address, headers: { authorization: `Bearer made-up-${index}` } })).status);
    }
    // Each made-up token is refused as no key (401) until the address's budget runs out.
    expect(statuses).toEqual([200, 401, 401, 429, 429, 429]);
    const refused = await harness.post(query, undefined, { address, headers: { authorization: 'Bearer made-up-8' } });
    expect(refused.body.errors?.[0]?.message).toMatch(/3 requests per 60 s per client address without a valid API key/);
    // A revoked key is no key either.
    const revoked = await createTestApiKey(harness.database.prisma, ['curate'], 'revoked key');
    await harness.database.prisma.apiKey.updateMany({ where: { name: 'revoked key' }, data: { revokedAt: new Date() } });
    expect((await harness.post(query, undefined, { address, headers: { authorization: `Bearer ${revoked}` } })).status).toBe(429);
    // A valid key from the same address still has the key's own budget.
    const valid = await createTestApiKey(harness.database.prisma, ['curate'], 'valid key');
    expect((await harness.post(query, undefined, { address, headers: { authorization: `Bearer ${valid}` } })).status).toBe(200);
  });

  it('counts a verified key once, by its id, from whatever addresses it is sent', async () => {
    const key = await createTestApiKey(harness.database.prisma, ['curate'], 'roaming key');
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      statuses.push((await harness.post(query, undefined, { address: `198.18.0.${index + 1}`, headers: { authorization: `Bearer ${key}` } })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe('the client address behind trusted proxies', () => {
  it('believes X-Forwarded-For only from a trusted peer, and reads it from the right past every trusted hop', () => {
    const untrusting = clientAddressOf([]);
    expect(untrusting('10.0.0.1', '1.2.3.4')).toBe('10.0.0.1');
    const addressOf = clientAddressOf(['10.0.0.1', '192.168.0.0/16', 'fd00::/8']);
    // An untrusted peer's header is ignored: anyone can send one.
    expect(addressOf('203.0.113.5', '1.2.3.4')).toBe('203.0.113.5');
    expect(addressOf('10.0.0.2', '1.2.3.4')).toBe('10.0.0.2');
    // A trusted peer: the hop it names.
    expect(addressOf('10.0.0.1', '198.51.100.20')).toBe('198.51.100.20');
    expect(addressOf('::ffff:10.0.0.1', '198.51.100.20')).toBe('198.51.100.20');
    // A client that sends its own X-Forwarded-For gets its real address appended by the proxy: the forged hops are ignored.
    expect(addressOf('10.0.0.1', '6.6.6.6, 198.51.100.20')).toBe('198.51.100.20');
    // Past a chain of trusted proxies.
    expect(addressOf('10.0.0.1', '198.51.100.20, 192.168.4.4, 10.0.0.1')).toBe('198.51.100.20');
    expect(addressOf('fd00::1', '2001:db8::7')).toBe('2001:db8::7');
    // Garbage in the header ends the walk at the proxy that wrote it; no header, the peer.
    expect(addressOf('10.0.0.1', 'not-an-address')).toBe('10.0.0.1');
    expect(addressOf('10.0.0.1', '198.51.100.20, junk, 192.168.4.4')).toBe('192.168.4.4');
    expect(addressOf('10.0.0.1', null)).toBe('10.0.0.1');
    expect(() => clientAddressOf(['10.0.0.0/33'])).toThrow(/prefix/);
    expect(() => clientAddressOf(['proxy.example'])).toThrow(/not an IP address/);
  });

  it('counts the client behind a trusted proxy by its own address, and ignores the header from anyone else', async () => {
    const harness = await openHarness({ rateLimit: settings({ trustedProxies: ['10.0.0.1'] }) }, false);
    try {
      const viaProxy = (client: string) => ({ address: '10.0.0.1', headers: { 'x-forwarded-for': client } });
      const first = [];
      for (let index = 0; index < 4; index += 1) first.push((await harness.post(query, undefined, viaProxy('198.51.100.1'))).status);
      expect(first).toEqual([200, 200, 200, 429]);
      // Another client behind the same proxy has its own budget: the proxy's address is not one shared budget.
      expect((await harness.post(query, undefined, viaProxy('198.51.100.2'))).status).toBe(200);
      // A direct client naming another address in the header is counted by its own.
      const direct = [];
      for (let index = 0; index < 4; index += 1) {
        direct.push((await harness.post(query, undefined, { address: '203.0.113.50', headers: { 'x-forwarded-for': `198.51.100.${100 + index}` } })).status);
      }
      expect(direct).toEqual([200, 200, 200, 429]);
    } finally {
      await harness.close();
    }
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

  it('counts an API key by its id in both servers, never storing the key or its hash', async () => {
    // One key known to both servers' databases under one id, as when they share one PostgreSQL database.
    const key = 'nl_secret-key-123-shared-by-both-test-servers';
    for (const server of [first, second]) {
      await server.database.prisma.apiKey.create({ data: { id: 1000, name: 'shared', prefix: key.slice(0, 11), hash: hashApiKey(key), scopes: ['CURATE'] } });
    }
    const as = { headers: { authorization: `Bearer ${key}` } };
    for (let index = 0; index < 5; index += 1) expect((await (index % 2 ? first : second).post(query, undefined, as)).status).toBe(200);
    expect((await first.post(query, undefined, as)).status).toBe(429);
    const redis = new Redis(redisUrl);
    try {
      const keys = await redis.keys(`${shared.keyPrefix}*`);
      expect(keys.some((stored) => stored.includes('secret-key-123') || stored.includes(hashApiKey(key)))).toBe(false);
      expect(keys).toContain(`${shared.keyPrefix}:key:id:1000`);
    } finally {
      await redis.quit();
    }
  });
});
