import { parseDatabaseUrl } from './database-url';
import { openStore } from './connect';

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite:data/govcat.db', { kind: 'sqlite', path: 'data/govcat.db' }],
    ['sqlite:///var/lib/govcat/govcat.db', { kind: 'sqlite', path: '/var/lib/govcat/govcat.db' }],
    ['sqlite://data/govcat.db', { kind: 'sqlite', path: 'data/govcat.db' }],
    ['file:/srv/govcat.sqlite', { kind: 'sqlite', path: '/srv/govcat.sqlite' }],
    ['sqlite::memory:', { kind: 'sqlite', path: ':memory:' }],
    ['./govcat.db', { kind: 'sqlite', path: './govcat.db' }],
    ['C:\\数据\\govcat.sqlite3', { kind: 'sqlite', path: 'C:\\数据\\govcat.sqlite3' }],
    ['postgres://u:p@db:5432/govcat', { kind: 'postgres', url: 'postgres://u:p@db:5432/govcat' }],
    ['postgresql://db/govcat', { kind: 'postgres', url: 'postgresql://db/govcat' }],
  ])('%s', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it('rejects anything else without echoing credentials', () => {
    expect(() => parseDatabaseUrl('mysql://root:secret@db/govcat')).toThrow(/无法识别的数据库地址/);
    expect(() => parseDatabaseUrl('mysql://root:secret@db/govcat')).not.toThrow(/secret/);
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(/无法识别/);
  });

  it('opens an in-memory SQLite store', async () => {
    const store = await openStore('sqlite::memory:');
    try {
      const dept = await store.departments.create({ name: '测试局' });
      expect(await store.departments.list()).toEqual([dept]);
    } finally {
      await store.close();
    }
  });
});
