import { query } from './api';
import { formatAge, formatTime } from './format';

describe('how the pages write times and queries', () => {
  const now = Date.parse('2026-11-21T12:00:00Z');
  test('ages in minutes, hours, then days', () => {
    expect(formatAge('2026-11-21T11:59:40Z', now)).toBe('刚刚');
    expect(formatAge('2026-11-21T11:15:00Z', now)).toBe('45 分钟');
    expect(formatAge('2026-11-21T07:00:00Z', now)).toBe('5 小时');
    expect(formatAge('2026-11-18T11:00:00Z', now)).toBe('3 天');
    // A clock a little ahead on the server never shows a negative age.
    expect(formatAge('2026-11-21T12:00:30Z', now)).toBe('刚刚');
  });

  test('times in China time whatever the browser’s zone', () => {
    expect(formatTime('2026-11-21T16:30:00Z')).toBe('2026/11/22 00:30');
    expect(formatTime(null)).toBe('—');
  });

  test('a query string carries only the filters that are set', () => {
    expect(query({ taskId: '3', departmentId: '', status: undefined, latest: 'true', limit: 50, offset: 0 })).toBe('?taskId=3&latest=true&limit=50&offset=0');
    expect(query({ a: null, b: '' })).toBe('');
  });
});
