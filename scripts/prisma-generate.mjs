// Regenerates the Prisma client and the Pothos types from prisma/schema.prisma.
// `prisma generate` never runs the schema engine, but the CLI looks for its binary at start-up and
// tries to download it when missing; on a machine without that download, point it at any file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const enginesDir = join(process.cwd(), 'node_modules', '@prisma', 'engines');
const hasEngine =
  existsSync(enginesDir) && readdirSync(enginesDir).some((name) => name.startsWith('schema-engine'));
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
if (!hasEngine && !env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

const result = spawnSync('npx', ['--no-install', 'prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
