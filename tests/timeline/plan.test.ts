// On a large events table, a date-range timeline must read events through an index, not scan them all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../src/db/generated/prisma/client.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases.js';
import { bucketPageSql } from '../../src/timeline/buckets.js';
import { resolveEventFilter } from '../../src/timeline/event-filter.js';

describe.skipIf(!postgresAvailable)('timeline query plan on PostgreSQL', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    // 200,000 events, a few a day over 35 years, a tenth of them known only to the month, a few long ranges.
    await database.prisma.$executeRawUnsafe(`
      INSERT INTO "Event" (title, type, "startsOn", "endsOn", "spanDays", precision, "articleCount", "updatedAt")
      SELECT 'Event ' || n, 'OTHER', d, d + span, span, CASE WHEN n % 10 = 0 THEN 'MONTH'::"DatePrecision" ELSE 'DAY'::"DatePrecision" END, n % 7, now()
      FROM (SELECT n, DATE '1990-01-01' + (n % 12775) AS d, CASE WHEN n % 1000 = 0 THEN 40 ELSE 0 END AS span
            FROM generate_series(1, 200000) AS n) AS generated`);
    await database.prisma.$executeRawUnsafe('ANALYZE "Event"');
  }, 120_000);
  afterAll(async () => database?.dispose());

  it('reads a month of a 200,000-event table through an index, with no sequential scan over events', async () => {
    const filter = await resolveEventFilter(database.prisma, { from: '2005-12-01', to: '2005-12-31' });
    const plan = await database.prisma.$queryRaw<{ 'QUERY PLAN': string }[]>(
      Prisma.sql`EXPLAIN ${bucketPageSql({ filter, grouping: 'DAY', reverse: false }, 31)}`,
    );
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).not.toMatch(/Seq Scan on "Event"/);
    expect(text).toMatch(/Index (Only )?Scan.*"Event"|Bitmap Index Scan on "Event_/);
    // The index range itself is narrow: about a month of starts, not every event that ends after the 1st.
    const indexRows = [...text.matchAll(/Index (?:Only )?Scan[^\n]*"Event[^\n]*rows=(\d+)/g)].map((match) => Number(match[1]));
    expect(indexRows.length).toBeGreaterThan(0);
    expect(Math.max(...indexRows)).toBeLessThan(10_000);
  });
});
