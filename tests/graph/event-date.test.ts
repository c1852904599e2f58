import { describe, expect, it } from 'vitest';
import { eventDateFromExpressions, isDateRange, parseDateExpression } from '../../src/graph/event-date.js';

describe('event dates', () => {
  // Found by the date-normalisation property test: February of a common year ended on March 1.
  it('ends February on its last day in common and leap years alike', () => {
    expect(parseDateExpression('2023-02')).toEqual({ startsOn: '2023-02-01', endsOn: '2023-02-28', precision: 'MONTH' });
    expect(parseDateExpression('1935-02')).toEqual({ startsOn: '1935-02-01', endsOn: '1935-02-28', precision: 'MONTH' });
    expect(parseDateExpression('2024-02')).toEqual({ startsOn: '2024-02-01', endsOn: '2024-02-29', precision: 'MONTH' });
    expect(parseDateExpression('1900-02').endsOn).toBe('1900-02-28');
    expect(parseDateExpression('2000-02').endsOn).toBe('2000-02-29');
    expect(eventDateFromExpressions('2023-01', '2023-02')).toEqual({ startsOn: '2023-01-01', endsOn: '2023-02-28', precision: 'MONTH' });
    expect(isDateRange('2023-02-01', '2023-02-28', 'MONTH')).toBe(false);
    expect(() => parseDateExpression('2023-02-29')).toThrow(/not a calendar date/);
  });
});
