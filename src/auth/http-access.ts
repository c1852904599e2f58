// Who may reach the server and with what: the Host allow-list, the API key a request presents
// (Authorization: Bearer <key>), and the CORS policy of /graphql. Yoga plugins, composed in src/server.ts.
import type { CORSOptions, Plugin } from 'graphql-yoga';
import type { PrismaClient } from '../db/generated/prisma/client.js';
import { geoJsonPath, timelineJsPath } from '../timeline/export-routes.js';
import { findActiveKey, type AuthenticatedKey } from './api-keys.js';
import { UnauthenticatedError } from './access-errors.js';

export interface AccessOptions {
  /** Reads need a key too (any scope). Default: reads are public. */
  readsRequireKey?: boolean;
  /** Hosts served ("news.example.org", "localhost:4000"; a name alone allows any port); "*" serves any. Default "*". */
  allowedHosts?: readonly string[] | '*';
  /** Origins whose scripts may call /graphql (no cookies: keys travel in the Authorization header). Default: none. */
  corsOrigins?: readonly string[];
  /** The URL clients reach the server at, for links the server writes (the exports' Link header). Default: the request's. */
  publicUrl?: string;
}

const exportPaths = new Set([timelineJsPath, geoJsonPath]);

// One lookup per request: the rate limiter verifies the key first (to count it by its id), the context reuses it.
const verified = new WeakMap<Request, Promise<AuthenticatedKey | null>>();

/** The key a request presents: null when it presents none (or an empty "Bearer "); an error when it presents a bad one. */
export function authenticateRequest(prisma: PrismaClient, request: Request): Promise<AuthenticatedKey | null> {
  let key = verified.get(request);
  if (!key) {
    key = lookUpKey(prisma, request);
    // Looked up once; the rejection is the caller's to handle (here it would be reported as unhandled).
    key.catch(() => {});
    verified.set(request, key);
  }
  return key;
}

async function lookUpKey(prisma: PrismaClient, request: Request): Promise<AuthenticatedKey | null> {
  const header = request.headers.get('authorization')?.trim();
  if (!header) return null;
  const match = /^Bearer(?:\s+(\S*))?$/i.exec(header);
  if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <key>"');
  const presented = match[1] ?? '';
  if (!presented) return null;
  const key = await findActiveKey(prisma, presented);
  if (!key) throw new UnauthenticatedError(`the API key ${presented.slice(0, 11)}… is not known here or was revoked`);
  return key;
}

function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const wanted = host.toLowerCase();
  const name = wanted.startsWith('[') ? wanted.slice(0, wanted.indexOf(']') + 1) : wanted.split(':')[0]!;
  return allowed.some((entry) => {
    const candidate = entry.toLowerCase();
    return candidate === wanted || candidate === name;
  });
}

/** Refuses requests for a Host not in the allow-list (DNS rebinding, a proxy passing any Host through). */
export function hostAllowList(options: AccessOptions): Plugin {
  const allowed = options.allowedHosts ?? '*';
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (allowed === '*') return;
      const host = request.headers.get('host') ?? new URL(request.url).host;
      if (hostAllowed(host, allowed)) return;
      endResponse(
        fetchAPI.Response.json(
          { error: `this server does not serve the host "${host}"; it serves ${allowed.join(', ')} (NEWSLINE_ALLOWED_HOSTS)` },
          { status: 421 },
        ),
      );
    },
  };
}

/**
 * Puts the request's API key in the GraphQL context (a bad key fails the request with 401), and, when reads need a
 * key, refuses the exports without one.
 */
export function apiKeyAccess(prisma: PrismaClient, options: AccessOptions): Plugin<{ apiKey?: AuthenticatedKey | null }> {
  const readsRequireKey = options.readsRequireKey ?? false;
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!readsRequireKey || !exportPaths.has(url.pathname) || request.method === 'OPTIONS') return;
      let key: AuthenticatedKey | null;
      try {
        key = await authenticateRequest(prisma, request);
        if (!key) throw new UnauthenticatedError(`the exports on this server need an API key (NEWSLINE_READS_REQUIRE_KEY is on)`);
      } catch (error) {
        const refusal = error as UnauthenticatedError;
        endResponse(
          fetchAPI.Response.json(
            { error: refusal.message, code: 'UNAUTHENTICATED' },
            { status: 401, headers: { 'www-authenticate': 'Bearer realm="newsline"', 'access-control-allow-origin': '*' } },
          ),
        );
      }
    },
    async onContextBuilding({ context, extendContext }) {
      const request = (context as { request?: Request }).request;
      const apiKey = request ? await authenticateRequest(prisma, request) : null;
      extendContext({ apiKey, readsRequireKey } as never);
    },
  };
}

/**
 * CORS for /graphql: only the configured origins, never with credentials (Yoga's default echoes any Origin and
 * allows credentials). The exports set their own: any origin, no credentials.
 */
export function corsPolicy(options: AccessOptions): CORSOptions | false {
  const origins = options.corsOrigins ?? [];
  if (origins.length === 0) return false;
  return {
    origin: [...origins],
    credentials: false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'x-graphql-yoga-csrf'],
    maxAge: 600,
  };
}
