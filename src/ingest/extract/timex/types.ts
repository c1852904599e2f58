export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type TimexPrecision = 'DAY' | 'MONTH' | 'YEAR' | 'WEEK' | 'DECADE' | 'CENTURY' | 'QUARTER' | 'SEASON' | 'TIME';

/** A TIMEX3 time expression found in a text; `start`/`end` are offsets into that text. */
export interface Timex {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
  precision?: TimexPrecision;
  approximate?: boolean;
  /** TIMEX3 mod: START, MID, END, MORE_THAN, LESS_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS, APPROX. */
  mod?: string;
}

/** What a rule decides about one match, before offsets are attached. */
export interface TimexReading {
  type: TimexType;
  value: string;
  mod?: string;
  /** Trim the extent: characters to drop from the start / end of the match. */
  trimStart?: number;
  trimEnd?: number;
  /** A clock time whose words name no day ("at 10 p.m."): dated later on the day its sentence is about. */
  dayless?: boolean;
}
