import { Kind } from 'graphql';
import { builder } from './builder.js';
import { UserInputError } from './errors.js';
import { parseDateExpression, isoDay, DateExpressionError } from '../graph/event-date.js';

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
  try {
    return parseDateExpression(value).startsOn;
  } catch (error) {
    if (error instanceof DateExpressionError) throw new UserInputError(`Date ${error.message}`);
    throw error;
  }
}

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 with a time zone offset (e.g. 2023-11-04T09:30:00Z).',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => parseInstant(value),
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseInstant(value: unknown): Date {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new UserInputError(`DateTime must be ISO 8601 with a time zone, e.g. 2023-11-04T09:30:00Z; got ${JSON.stringify(value)}`);
}

builder.scalarType('JSON', {
  description: 'A JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
});
