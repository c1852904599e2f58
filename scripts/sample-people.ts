// A fixed-seed random sample of a stored graph's PERSON nodes, each with a line of the text that mentions it, to be
// read by a person: how many of them are not people is a judgement, made by reading, not by this script.
//   npx tsx scripts/sample-people.ts <data dir> [--seed N] [--size N] [--not-people 3,17,42]
// --not-people takes the numbers of the sampled nodes the reader judged not to be people, and prints them and their count.
import { openDatabase } from '../src/db/database.js';

function usage(message: string): never {
  console.error(`sample-people: ${message}\nusage: npx tsx scripts/sample-people.ts <data dir> [--seed N] [--size N] [--not-people 3,17,42]`);
  process.exit(2);
}

const args = process.argv.slice(2);
const dataDir = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
if (!dataDir) usage('the data directory (NEWSLINE_DATA_DIR of the ingest) is missing');
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const seed = Number(option('seed') ?? 1997);
const size = Number(option('size') ?? 100);
if (!Number.isInteger(seed) || !Number.isInteger(size) || size < 1) usage('--seed and --size take whole numbers');
const judged = new Set((option('not-people') ?? '').split(',').filter(Boolean).map(Number));

/** mulberry32: the same seed draws the same sample from the same graph. */
function random(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const database = await openDatabase({ dataDir, migrate: false });
const people = (await database.prisma.$queryRawUnsafe(
  `SELECT p.id, p.name,
          (SELECT string_agg(a.name, ' | ' ORDER BY a.id) FROM "PersonAlias" a WHERE a."personId" = p.id AND a.key <> p."nameKey") AS aliases,
          (SELECT count(*)::int FROM "PersonMention" m WHERE m."personId" = p.id) AS mentions,
          (SELECT substr(t.text, greatest(1, m.start - 50), m."end" - m.start + 100) FROM "PersonMention" m JOIN "Article" t ON t.id = m."articleId"
            WHERE m."personId" = p.id ORDER BY m.id LIMIT 1) AS context
     FROM "Person" p ORDER BY p.id`,
)) as { id: number; name: string; aliases: string | null; mentions: number; context: string | null }[];
await database.close();

// A partial Fisher-Yates shuffle of the ids in order: the sample depends only on the seed and the graph.
const draw = random(seed);
const pool = [...people];
const sample: typeof people = [];
for (let index = 0; index < Math.min(size, pool.length); index += 1) {
  const pick = index + Math.floor(draw() * (pool.length - index));
  [pool[index], pool[pick]] = [pool[pick]!, pool[index]!];
  sample.push(pool[index]!);
}

sample.forEach((person, index) => {
  const number = index + 1;
  const mark = judged.has(number) ? ' [not a person]' : '';
  console.log(`${String(number).padStart(3)}. ${person.name}${person.aliases ? `  (also: ${person.aliases})` : ''}  ${person.mentions} mention(s)${mark}`);
  if (person.context) console.log(`       … ${person.context.replace(/\s+/g, ' ').trim()} …`);
});
if (judged.size) {
  const names = sample.filter((_person, index) => judged.has(index + 1)).map((person) => person.name);
  console.log(`sample-people: ${names.length} of ${sample.length} sampled PERSON nodes judged not people (seed ${seed}, ${people.length} people in ${dataDir}): ${names.join('; ')}`);
} else {
  console.log(`sample-people: ${sample.length} of ${people.length} PERSON nodes sampled with seed ${seed} from ${dataDir}; read them, then pass the numbers that are not people as --not-people 3,17,… to count them`);
}
