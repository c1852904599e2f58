import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../../src/schema/index.js';

describe('schema.graphql', () => {
  it('is the schema the code builds (regenerate with npm run schema:print)', () => {
    const checkedIn = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(checkedIn).toBe(`${printSchema(lexicographicSortSchema(schema))}\n`);
  });
});
