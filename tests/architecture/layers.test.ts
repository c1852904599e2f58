// Which layer may read which: the schema and the exports sit on the same layers below them, and storage never
// reaches back into extraction for what makes two events one.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(join(src, directory), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? (entry.name === 'generated' ? [] : sourceFiles(join(directory, entry.name))) : entry.name.endsWith('.ts') ? [join(directory, entry.name)] : [],
  );
}

/** The project modules a file imports, as paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(src, file), 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((match) => relative(src, join(src, file, '..', match[1]!)).replace(/\.js$/, '.ts'));
}

describe('layers', () => {
  it('keeps the schema above the exports, storage, HTTP plumbing and access rules: none of them imports it', () => {
    const below = ['timeline', 'http', 'graph', 'auth', 'db', 'ingest'].flatMap(sourceFiles);
    expect(below.length).toBeGreaterThan(50);
    const upward = below.flatMap((file) => importsOf(file).filter((target) => target.startsWith('schema/')).map((target) => `${file} → ${target}`));
    expect(upward).toEqual([]);
  });

  it('gives the same-event rules one home that extraction and storage both read', () => {
    const storage = sourceFiles('graph');
    expect(storage.flatMap((file) => importsOf(file).filter((target) => target === 'ingest/extract/events.ts').map((target) => `${file} → ${target}`))).toEqual([]);
    expect(importsOf('ingest/extract/events.ts')).toContain('graph/same-event.ts');
    expect(importsOf('graph/store-article.ts')).toContain('graph/same-event.ts');
  });
});
