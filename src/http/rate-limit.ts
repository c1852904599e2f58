// Requests per window: per API key (its id) once the key is verified, or per client address for requests without
// a valid key (none, a made-up one, a revoked one), at the anonymous rate. The client address is the socket's peer,
// or, when that peer is a trusted proxy (NEWSLINE_TRUSTED_PROXIES), the nearest untrusted hop of X-Forwarded-For.
// The counts live in Redis when REDIS_URL is set, so every server process draws on one budget; in memory otherwise.
// Over the budget: HTTP 429 with Retry-After, and a GraphQL-shaped body with extensions.code RATE_LIMITED.
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { clientAddressOf } from './client-address.js';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface RateLimitSettings {
  redisUrl?: string | undefined;
  anonymousRequestsPerWindow: number;
  keyedRequestsPerWindow: number;
  rateLimitWindowSeconds: number;
  /** Prefix of the Redis keys; tests give each run its own. */
  keyPrefix?: string;
  /** Addresses or CIDR ranges of the proxies whose X-Forwarded-For header is believed; none by default. */
  trustedProxies?: readonly string[];
}

/** The verified API key a request presents (its id), null without one; throws (or rejects) for a bad one. */
export type VerifyKey = (request: Request) => Promise<{ id: number } | null>;

const counted = {
  key: 'per API key',
  address: 'per client address without a valid API key',
} as const;

/** Paths a load balancer polls; they are never limited. */
const unlimitedPaths = new Set(['/health', '/health/live']);

interface Client {
  limiter: RateLimiterAbstract;
  key: string;
  limit: number;
  kind: 'key' | 'address';
}

function hasBearerToken(request: Request): boolean {
  return /^Bearer\s+\S/i.test(request.headers.get('authorization')?.trim() ?? '');
}

function peerAddress(serverContext: unknown): string {
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

/**
 * verifyKey is the same check the request's GraphQL context makes (src/auth/http-access.ts); without it (tests of the
 * limits alone) every request counts per address.
 */
export function rateLimitPlugin(settings: RateLimitSettings, verifyKey?: VerifyKey): Plugin {
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
  const headers = new WeakMap<Request, Record<string, string>>();
  const addressOf = clientAddressOf(settings.trustedProxies);

  const clientOf = async (request: Request, serverContext: unknown): Promise<Client> => {
    // Only a key that is verified (known, not revoked) gets the keyed budget, counted by its id: a made-up token
    // each time buys nothing, and a key sent from many addresses draws on one budget.
    if (verifyKey && hasBearerToken(request)) {
      const key = await verifyKey(request).catch(() => null);
      if (key) return { limiter: byKey, key: `id:${key.id}`, limit: settings.keyedRequestsPerWindow, kind: 'key' };
    }
    const address = addressOf(peerAddress(serverContext), request.headers.get('x-forwarded-for'));
    return { limiter: byAddress, key: address, limit: settings.anonymousRequestsPerWindow, kind: 'address' };
  };

  return {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (unlimitedPaths.has(url.pathname) || request.method === 'OPTIONS') return;
      const client = await clientOf(request, serverContext);
      try {
        const result = await client.limiter.consume(client.key, 1);
        headers.set(request, rateLimitHeaders(client.limit, result));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) {
          console.warn(`rate limits: not counted (${(rejection as Error).message})`);
          return;
        }
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        const message =
          `Rate limit exceeded: ${client.limit} requests per ${duration} s ${counted[client.kind]}; ` +
          `retry in ${retryAfter} s${client.kind === 'address' ? ', or send an API key (Authorization: Bearer <key>) for a larger budget' : ''}`;
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
