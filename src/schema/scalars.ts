import { Kind } from 'graphql';
import { builder } from './builder.js';
import { UserInputError } from './errors.js';
import { parseDateExpression, isoDay, DateExpressionError } from '../graph/event-date.js';
import { dayOutOfRange, maxOffsetMinutes } from '../http/input-bounds.js';

builder.scalarType('Date', {
  description: 'A calendar day, YYYY-MM-DD, with no time of day and no time zone.',
  serialize: (value) => (typeof value === 'string' ? value.slice(0, 10) : isoDay(value)),
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new UserInputError(`Date must be a string YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  let day: string;
  try {
    day = parseDateExpression(value).startsOn;
  } catch (error) {
    if (error instanceof DateExpressionError) throw new UserInputError(`Date ${error.message}`);
    throw error;
  }
  const outOfRange = dayOutOfRange(day);
  if (outOfRange) throw new UserInputError(`Date ${outOfRange}`);
  return day;
}

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 with a time zone offset (e.g. 2023-11-04T09:30:00Z).',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => parseInstant(value),
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseInstant(value: unknown): Date {
  const match = typeof value === 'string' ? /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(value) : null;
  if (match) {
    const offsetMinutes = Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
    if (offsetMinutes > maxOffsetMinutes || Number(match[4] ?? 0) > 59) {
      throw new UserInputError(`DateTime ${JSON.stringify(value)}: the time zone offset must be between -14:00 and +14:00`);
    }
    const date = new Date(value as string);
    if (!Number.isNaN(date.getTime())) {
      const outOfRange = dayOutOfRange(date.toISOString().slice(0, 10));
      if (outOfRange) throw new UserInputError(`DateTime ${outOfRange}`);
      return date;
    }
  }
  throw new UserInputError(`DateTime must be ISO 8601 with a time zone, e.g. 2023-11-04T09:30:00Z; got ${JSON.stringify(value)}`);
}

builder.scalarType('JSON', {
  description: 'A JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
});
