import { resolve } from 'node:path';
import { z } from 'zod';

const booleanSetting = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

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
});

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
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads every setting from the environment, once, and says which one is wrong and why. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = settingsSchema.safeParse(present);
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
  };
}
