import { describe, expect, it } from 'vitest';
import { createServer, exampleQuery } from '../../src/server.js';
import { createTestDatabase } from '../support/databases.js';

describe('GraphiQL', () => {
  it('is served at /graphql to browsers, self-contained, opening on the example query', async () => {
    const database = await createTestDatabase('pglite');
    try {
      const server = createServer(database.prisma);
      const response = await server.fetch('http://newsline/graphql', { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<title>Newsline</title>');
      expect(html).toContain(JSON.stringify(exampleQuery).slice(1, 60));
      // Works offline: no script or stylesheet fetched from a CDN.
      expect(html).not.toMatch(/<script[^>]+src=["']?https?:|<link[^>]+stylesheet[^>]+href=["']?https?:|<link[^>]+href=["']?https?:[^>]+stylesheet/);
    } finally {
      await database.dispose();
    }
  });
});
