import { resolve } from 'node:path';
import { z } from 'zod';
import { trustedProxyProblem } from './http/client-address.js';

const booleanSetting = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

// Limits and errors: what one request may cost, how many a client may send, and where the counts live.
const limitSettings = {
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  NEWSLINE_RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(1).max(1_000_000).default(120),
  NEWSLINE_RATE_LIMIT_KEYED: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  NEWSLINE_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  NEWSLINE_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  NEWSLINE_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(100_000_000).default(1_000_000),
  NEWSLINE_NODE_BUDGET: z.coerce.number().int().min(100).max(10_000_000).default(50_000),
  NEWSLINE_TRUSTED_PROXIES: z
    .string()
    .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
    .superRefine((entries, issues) => {
      for (const entry of entries) {
        const problem = trustedProxyProblem(entry);
        if (problem) issues.addIssue({ code: 'custom', message: `${problem} (addresses or CIDR ranges, comma-separated)` });
      }
    })
    .optional(),
};

export interface LimitSettings {
  /** redis:// URL of the store the rate limits count in, shared by every server process; in memory when absent. */
  redisUrl: string | undefined;
  /** Requests a client address without an API key may send per window. */
  anonymousRequestsPerWindow: number;
  /** Requests one API key may send per window. */
  keyedRequestsPerWindow: number;
  rateLimitWindowSeconds: number;
  /** A request still running after this long is stopped (and its PostgreSQL statements with it). */
  requestTimeoutMs: number;
  maxBodyBytes: number;
  /** GitHub-style node budget: the most nodes one query may ask for, every connection multiplying by its first/last. */
  nodeBudget: number;
  /** Proxies (addresses, CIDR ranges) whose X-Forwarded-For names the client the rate limits count; none by default. */
  trustedProxies: string[];
}

function limitSettingsFrom(settings: z.infer<z.ZodObject<typeof limitSettings>>): LimitSettings {
  return {
    redisUrl: settings.REDIS_URL,
    anonymousRequestsPerWindow: settings.NEWSLINE_RATE_LIMIT_ANONYMOUS,
    keyedRequestsPerWindow: settings.NEWSLINE_RATE_LIMIT_KEYED,
    rateLimitWindowSeconds: settings.NEWSLINE_RATE_LIMIT_WINDOW_SECONDS,
    requestTimeoutMs: settings.NEWSLINE_REQUEST_TIMEOUT_MS,
    maxBodyBytes: settings.NEWSLINE_MAX_BODY_BYTES,
    nodeBudget: settings.NEWSLINE_NODE_BUDGET,
    trustedProxies: settings.NEWSLINE_TRUSTED_PROXIES ?? [],
  };
}

const settingsSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  NEWSLINE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  NEWSLINE_DEMO_DATA: booleanSetting.default(true),
  ...limitSettings,
});

// Access and API keys: who may reach the server, with which key, from which pages; and how it stops.
const listSetting = z.string().transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean));
const accessSettingsSchema = z.object({
  NEWSLINE_READS_REQUIRE_KEY: booleanSetting.default(false),
  NEWSLINE_PUBLIC_URL: z.string().url('must be an absolute URL such as https://news.example.org').optional(),
  NEWSLINE_ALLOWED_HOSTS: listSetting.optional(),
  NEWSLINE_CORS_ORIGINS: listSetting
    .refine((origins) => origins.every((origin) => /^https?:\/\/[^/]+$/.test(origin)), 'each origin is scheme://host[:port], e.g. https://app.example.org')
    .optional(),
  NEWSLINE_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  NEWSLINE_INTROSPECTION: booleanSetting.default(true),
  NEWSLINE_GRAPHIQL: booleanSetting.default(true),
  NEWSLINE_PERSISTED_OPERATIONS: z.string().min(1).optional(),
});

export interface AccessConfig {
  /** Reads need a key too (any scope); writes always do. */
  readsRequireKey: boolean;
  /** Where clients reach the server: the base of links it writes (the exports' Link header). */
  publicUrl: string;
  /** Hosts served; "*" serves any. Default: the loopback names and the public URL's host. */
  allowedHosts: string[] | '*';
  /** Origins whose scripts may call /graphql (never with credentials); default none. */
  corsOrigins: string[];
  /** How long a stopping server waits for requests in flight before it closes the database. */
  shutdownTimeoutMs: number;
  /** Answer introspection queries (GraphiQL and code generators need them). */
  introspection: boolean;
  /** Serve GraphiQL to browsers at /graphql. */
  graphiql: boolean;
  /** A JSON file of the only operations the server runs (see "Limits and errors" in the README); all run when absent. */
  persistedOperationsFile: string | undefined;
}

function accessConfig(settings: z.infer<typeof accessSettingsSchema>, host: string, port: number): AccessConfig {
  const listening = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const publicUrl = settings.NEWSLINE_PUBLIC_URL ?? `http://${listening}:${port}`;
  const hosts = settings.NEWSLINE_ALLOWED_HOSTS;
  return {
    readsRequireKey: settings.NEWSLINE_READS_REQUIRE_KEY,
    publicUrl,
    allowedHosts: hosts?.includes('*') ? '*' : hosts ?? [...new Set(['localhost', '127.0.0.1', '[::1]', listening, new URL(publicUrl).hostname])],
    corsOrigins: settings.NEWSLINE_CORS_ORIGINS ?? [],
    shutdownTimeoutMs: settings.NEWSLINE_SHUTDOWN_TIMEOUT_MS,
    introspection: settings.NEWSLINE_INTROSPECTION,
    graphiql: settings.NEWSLINE_GRAPHIQL,
    persistedOperationsFile: settings.NEWSLINE_PERSISTED_OPERATIONS === undefined ? undefined : resolve(settings.NEWSLINE_PERSISTED_OPERATIONS),
  };
}

export interface Config {
  /** PostgreSQL server URL; when absent the embedded PGlite database under dataDir is used. */
  databaseUrl: string | undefined;
  /** Directory of the embedded database (and anything else the service keeps on disk). */
  dataDir: string;
  poolSize: number;
  host: string;
  port: number;
  /** Load the seed article's graph into an empty embedded database on first start. */
  loadDemoData: boolean;
  access: AccessConfig;
  /** What one request may cost and how many a client may send (see "Limits and errors" in the README). */
  limits: LimitSettings;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads every setting from the environment, once, and says which one is wrong and why. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = settingsSchema.extend(accessSettingsSchema.shape).safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const settings = parsed.data;
  return {
    databaseUrl: settings.DATABASE_URL,
    dataDir: resolve(settings.NEWSLINE_DATA_DIR),
    poolSize: settings.DATABASE_POOL_SIZE,
    host: settings.HOST,
    port: settings.PORT,
    loadDemoData: settings.NEWSLINE_DEMO_DATA,
    access: accessConfig(settings, settings.HOST, settings.PORT),
    limits: limitSettingsFrom(settings),
  };
}
