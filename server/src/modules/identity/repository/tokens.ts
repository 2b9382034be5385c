import type { Selectable } from 'kysely';
import { translatingErrors } from '../../../db/errors';
import type { ApiTokensTable } from '../../../db/schema';
import type { ApiToken, IdentityRepository } from '../repository';
import { DEFAULT_TOKEN_LIFETIME_DAYS, tokenExpiry } from '../../../../../shared/src/token-lifetimes';
import { now, type RepoContext } from '../../../db/repository-context';
import { toUser, USER_COLUMNS } from './users';

/** Every column but the hash, which is only ever compared. */
const TOKEN_COLUMNS = ['id', 'user_id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at', 'expires_at'] as const;

/**
 * last_used_at is rewritten at most this often: a token authenticates every API call, and a
 * synchronous write per call would cost a disk sync each time on SQLite.
 */
const LAST_USED_PRECISION_MS = 60_000;

/** findUser's columns, built once: it runs on every API call. */
const FOUND_TOKEN_COLUMNS = TOKEN_COLUMNS.map((c) => `api_tokens.${c}` as const);
const FOUND_USER_COLUMNS = USER_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at').map((c) => `users.${c}` as const);

function toToken(row: Pick<Selectable<ApiTokensTable>, (typeof TOKEN_COLUMNS)[number]>): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}

export function tokensRepository({ db }: RepoContext): IdentityRepository['tokens'] {
  return {
    async create(input) {
      const at = now();
      // From the same instant as created_at, so the lifetime reads exactly as chosen.
      const expiresAt = tokenExpiry(input.lifetimeDays ?? DEFAULT_TOKEN_LIFETIME_DAYS, Date.parse(at));
      const row = await translatingErrors(() =>
        db
          .insertInto('api_tokens')
          .values({ user_id: input.userId, name: input.name, prefix: input.prefix, token_hash: input.tokenHash, created_at: at, expires_at: expiresAt })
          .returning(TOKEN_COLUMNS)
          .executeTakeFirstOrThrow(),
      );
      return toToken(row);
    },

    async findUser(tokenHash) {
      // One query: every API call authenticates with it.
      const row = await db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .select(FOUND_TOKEN_COLUMNS)
        .select(FOUND_USER_COLUMNS)
        .select(['users.created_at as user_created_at'])
        .where('api_tokens.token_hash', '=', tokenHash)
        .where('api_tokens.revoked_at', 'is', null)
        .where('users.active', '=', 1)
        .executeTakeFirst();
      if (!row) return null;
      const at = now();
      // Told apart from an unknown token so the caller can say why; `>` also refuses a NULL.
      if (!(row.expires_at > at)) return 'expired';
      const token = toToken(row);
      const userRow = { ...row, id: row.user_id, created_at: row.user_created_at };
      if (token.lastUsedAt === null || Date.parse(at) - Date.parse(token.lastUsedAt) >= LAST_USED_PRECISION_MS) {
        await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', token.id).execute();
        token.lastUsedAt = at;
      }
      return { token, user: toUser(userRow) };
    },

    async list(userId) {
      let query = db.selectFrom('api_tokens').select(TOKEN_COLUMNS).orderBy('id');
      if (userId !== undefined) query = query.where('user_id', '=', userId);
      return (await query.execute()).map(toToken);
    },

    async revoke(id) {
      // True for any existing token; revoking twice keeps the first time.
      const result = await db
        .updateTable('api_tokens')
        .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(now())) }))
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async revokeForUser(userId) {
      const at = now();
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
