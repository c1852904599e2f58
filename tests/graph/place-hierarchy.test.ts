// A graph stored before the gazetteer had divisions gets them between its towns and their countries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refinePlaceHierarchy } from '../../src/graph/place-hierarchy.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

for (const kind of databaseKinds) {
  describe(`refining the place hierarchy on ${kind}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(async () => database?.dispose());

    it('puts Alabama between Birmingham and the United States, once, and leaves a parent a curator chose', async () => {
      const prisma = database.prisma;
      const unitedStates = await prisma.place.create({ data: { name: 'United States', nameKey: 'united states', kind: 'COUNTRY', countryCode: 'US', gazetteerId: 'newsline:country-us' } });
      const birmingham = await prisma.place.create({ data: { name: 'Birmingham', nameKey: 'birmingham', kind: 'CITY', countryCode: 'US', gazetteerId: 'geonames:4049979', parentId: unitedStates.id } });
      const district = await prisma.place.create({ data: { name: 'Magic City', nameKey: 'magic city', kind: 'OTHER', countryCode: 'US' } });
      // Montgomery lies in Alabama too, but a curator put it inside a place of their own.
      const montgomery = await prisma.place.create({ data: { name: 'Montgomery', nameKey: 'montgomery', kind: 'CITY', countryCode: 'US', gazetteerId: 'geonames:4076784', parentId: district.id } });

      expect(await refinePlaceHierarchy(prisma)).toEqual({ refined: 1, createdDivisions: 1 });
      const refined = await prisma.place.findUniqueOrThrow({ where: { id: birmingham.id }, include: { parent: { include: { parent: true } } } });
      expect(refined.parent).toMatchObject({ name: 'Alabama', kind: 'DIVISION', gazetteerId: 'geonames-admin1:US.AL' });
      expect(refined.parent?.parent?.id).toBe(unitedStates.id);
      expect((await prisma.place.findUniqueOrThrow({ where: { id: montgomery.id } })).parentId).toBe(district.id);

      expect(await refinePlaceHierarchy(prisma)).toEqual({ refined: 0, createdDivisions: 0 });
    });
  });
}
