import { describe, expect, it, vi } from 'vitest';
import { openHarness } from './http-client.js';

describe('/health', () => {
  it('answers 200 with JSON while the database answers, and 503 with JSON when it is gone', async () => {
    const harness = await openHarness({}, false);
    try {
      const up = await harness.get('/health');
      expect(up.status).toBe(200);
      expect(up.headers.get('content-type')).toMatch(/application\/json/);
      expect(await up.json()).toMatchObject({ status: 'ok', database: 'ok' });
      expect(harness.statements.some((sql) => /SELECT 1/.test(sql))).toBe(true);

      await harness.database.dispose();
      const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
      const down = await harness.get('/health');
      spy.mockRestore();
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toMatch(/application\/json/);
      const body = await down.json();
      expect(body).toEqual({ status: 'unavailable', database: 'unreachable' });

      // Yoga's own check, which asks no database, no longer answers /health; it is the liveness probe now.
      const live = await harness.get('/health/live');
      expect(live.status).toBe(200);
    } finally {
      await harness.server.dispose();
    }
  });
});
