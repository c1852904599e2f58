import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('limit settings', () => {
  it('has the defaults the README states', () => {
    expect(loadConfig({}).limits).toEqual({
      redisUrl: undefined,
      anonymousRequestsPerWindow: 120,
      keyedRequestsPerWindow: 1200,
      rateLimitWindowSeconds: 60,
      requestTimeoutMs: 10_000,
      maxBodyBytes: 1_000_000,
      nodeBudget: 50_000,
      trustedProxies: [],
    });
  });

  it('reads them from the environment and names a bad one', () => {
    const limits = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', NEWSLINE_NODE_BUDGET: '5000', NEWSLINE_REQUEST_TIMEOUT_MS: '2500' }).limits;
    expect(limits).toMatchObject({ redisUrl: 'redis://127.0.0.1:6379', nodeBudget: 5000, requestTimeoutMs: 2500 });
    expect(() => loadConfig({ REDIS_URL: 'http://cache' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: 'http://cache' })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(() => loadConfig({ NEWSLINE_NODE_BUDGET: '10' })).toThrow(/NEWSLINE_NODE_BUDGET/);
    expect(() => loadConfig({ NEWSLINE_RATE_LIMIT_ANONYMOUS: 'lots' })).toThrow(/NEWSLINE_RATE_LIMIT_ANONYMOUS/);
  });

  it('reads the trusted proxies as addresses and CIDR ranges, none by default', () => {
    expect(loadConfig({}).limits.trustedProxies).toEqual([]);
    expect(loadConfig({ NEWSLINE_TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16,::1' }).limits.trustedProxies).toEqual(['10.0.0.1', '192.168.0.0/16', '::1']);
    expect(() => loadConfig({ NEWSLINE_TRUSTED_PROXIES: '10.0.0.1,proxy.internal' })).toThrow(/NEWSLINE_TRUSTED_PROXIES: "proxy.internal" is not an IP address/);
    expect(() => loadConfig({ NEWSLINE_TRUSTED_PROXIES: '10.0.0.0/40' })).toThrow(/NEWSLINE_TRUSTED_PROXIES/);
  });
});
