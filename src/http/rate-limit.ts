// Requests per window, per API key (a sha256 of the bearer token) or, without one, per client address.
// The counts live in Redis when REDIS_URL is set, so every server process draws on one budget; in memory otherwise.
// Over the budget: HTTP 429 with Retry-After, and a GraphQL-shaped body with extensions.code RATE_LIMITED.
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface RateLimitSettings {
  redisUrl?: string | undefined;
  anonymousRequestsPerWindow: number;
  keyedRequestsPerWindow: number;
  rateLimitWindowSeconds: number;
  /** Prefix of the Redis keys; tests give each run its own. */
  keyPrefix?: string;
}

const counted = {
  key: 'per API key',
  address: 'per client address without an API key',
  'keyed address': 'per client address, whatever API keys it sends',
} as const;

/** Paths a load balancer polls; they are never limited. */
const unlimitedPaths = new Set(['/health', '/health/live']);

interface Client {
  limiter: RateLimiterAbstract;
  key: string;
  limit: number;
  kind: 'key' | 'address';
  /** A second count the request must also fit in (the address of a request with a token). */
  also?: { limiter: RateLimiterAbstract; key: string };
}

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match ? match[1]! : null;
}

function clientAddress(serverContext: unknown): string {
  const context = serverContext as { req?: { socket?: { remoteAddress?: string } }; clientAddress?: string } | undefined;
  return context?.req?.socket?.remoteAddress ?? context?.clientAddress ?? 'unknown';
}

function rateLimitHeaders(limit: number, result: RateLimiterRes): Record<string, string> {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(Math.max(0, result.remainingPoints)),
    'x-ratelimit-reset': String(Math.ceil((Date.now() + result.msBeforeNext) / 1000)),
  };
}

export function rateLimitPlugin(settings: RateLimitSettings): Plugin {
  const prefix = settings.keyPrefix ?? 'newsline:rate';
  const duration = settings.rateLimitWindowSeconds;
  let redis: Redis | null = null;
  const limiterOf = (name: string, points: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ points, duration, keyPrefix: `${prefix}:${name}` });
    if (!redis) return memory;
    // With Redis down, each process keeps counting on its own rather than refusing or letting everything through.
    return new RateLimiterRedis({ storeClient: redis, points, duration, keyPrefix: `${prefix}:${name}`, insuranceLimiter: memory });
  };
  if (settings.redisUrl) {
    // Commands wait for the connection (a fresh process's first requests count in Redis too), but never long:
    // past commandTimeout the memory limiter counts instead.
    redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 500 });
    redis.on('error', (error: Error) => console.warn(`rate limits: Redis at ${settings.redisUrl?.replace(/\/\/[^@]*@/, '//***@')}: ${error.message}`));
  }
  const byKey = limiterOf('key', settings.keyedRequestsPerWindow);
  const byAddress = limiterOf('address', settings.anonymousRequestsPerWindow);
  // A bearer token is counted before anyone has checked it, so one address sending a new made-up token each time
  // would get a fresh budget each time: requests with a token also count per address, at the keyed rate.
  const keyedByAddress = limiterOf('keyed-address', settings.keyedRequestsPerWindow);
  const headers = new WeakMap<Request, Record<string, string>>();

  const clientOf = (request: Request, serverContext: unknown): Client => {
    const token = bearerToken(request);
    if (token) {
      return {
        limiter: byKey,
        key: createHash('sha256').update(token).digest('hex'),
        limit: settings.keyedRequestsPerWindow,
        kind: 'key',
        also: { limiter: keyedByAddress, key: clientAddress(serverContext) },
      };
    }
    return { limiter: byAddress, key: clientAddress(serverContext), limit: settings.anonymousRequestsPerWindow, kind: 'address' };
  };

  return {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (unlimitedPaths.has(url.pathname) || request.method === 'OPTIONS') return;
      const client = clientOf(request, serverContext);
      let counting: 'key' | 'address' | 'keyed address' = client.kind;
      try {
        const result = await client.limiter.consume(client.key, 1);
        counting = 'keyed address';
        if (client.also) await client.also.limiter.consume(client.also.key, 1);
        headers.set(request, rateLimitHeaders(client.limit, result));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) {
          console.warn(`rate limits: not counted (${(rejection as Error).message})`);
          return;
        }
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        const message =
          `Rate limit exceeded: ${client.limit} requests per ${duration} s ${counted[counting]}; ` +
          `retry in ${retryAfter} s${counting === 'address' ? ', or send an API key (Authorization: Bearer <key>) for a larger budget' : ''}`;
        endResponse(
          fetchAPI.Response.json(
            { errors: [{ message, extensions: { code: 'RATE_LIMITED', limit: client.limit, windowSeconds: duration, retryAfter } }] },
            { status: 429, headers: { 'retry-after': String(retryAfter), ...rateLimitHeaders(client.limit, rejection) } },
          ),
        );
      }
    },
    onResponse({ request, response }) {
      for (const [name, value] of Object.entries(headers.get(request) ?? {})) response.headers.set(name, value);
    },
    onDispose: async () => {
      if (redis) await redis.quit().catch(() => redis?.disconnect());
    },
  };
}
