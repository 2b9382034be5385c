import type { IdentityRepository } from '../repository';
import type { RepoContext } from '../../../db/repository-context';

export function settingsRepository({ db }: RepoContext): IdentityRepository['settings'] {
  return {
    async get<T>(key: string, fallback: T): Promise<T> {
      const row = await db.selectFrom('bureau_settings').select('value').where('key', '=', key).executeTakeFirst();
      return row ? (JSON.parse(row.value) as T) : fallback;
    },

    async set(key, value) {
      // undefined has no JSON form; store it as null rather than fail.
      const json = JSON.stringify(value ?? null);
      await db
        .insertInto('bureau_settings')
        .values({ key, value: json })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
        .execute();
    },
  };
}
