/**
 * Identity's data-access contract (implemented in repository/ over Kysely).
 *
 * Department isolation starts here: an Actor is who asks, and a clerk or lead sees only their own
 * department's rows elsewhere.
 */
import type { Role } from '../../../../shared/src';

/** Who is asking. Clerks and leads belong to a department; coordinators and admins to none. */
export interface Actor {
  userId: number;
  role: Role;
  departmentId: number | null;
}

export interface Department {
  id: number;
  name: string;
  code: string | null;
  createdAt: string;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  active: boolean;
  /** Signed in with a one-time password: only choosing a new one is allowed until then. */
  mustChangePassword: boolean;
  createdAt: string;
}

export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  /** The first characters of the token, shown so a user can tell tokens apart; the token itself is never stored. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Chosen when it was made; refused from then on. */
  expiresAt: string;
}

/** A signed-in browser (the review pages). */
export interface Session {
  userId: number;
  /** Sent back by the page in X-CSRF-Token on every state-changing request. */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** Identity's data: who the people are, how they sign in, and the bureau's settings. */
export interface IdentityRepository {
  departments: {
    create(input: { name: string; code?: string | null }): Promise<Department>;
    list(): Promise<Department[]>;
    get(id: number): Promise<Department | null>;
    rename(id: number, input: { name: string; code?: string | null }): Promise<Department | null>;
  };

  users: {
    create(input: { username: string; displayName: string; role: Role; departmentId: number | null; passwordHash: string }): Promise<User>;
    get(id: number): Promise<User | null>;
    /** With the password hash, for signing in. */
    findForSignIn(username: string): Promise<(User & { passwordHash: string }) | null>;
    list(filter?: { departmentId?: number; role?: Role }): Promise<User[]>;
    /** Display names by user id, in one query (for showing who submitted and decided). */
    displayNames(ids: readonly number[]): Promise<Map<number, string>>;
    update(id: number, input: Partial<{ displayName: string; role: Role; departmentId: number | null; active: boolean; passwordHash: string; mustChangePassword: boolean }>): Promise<User | null>;
  };

  tokens: {
    /**
     * `tokenHash` is the SHA-256 of the token shown once to the user. It expires `lifetimeDays`
     * after its creation time (DEFAULT_TOKEN_LIFETIME_DAYS when not given; below zero, already).
     */
    create(input: { userId: number; name: string; prefix: string; tokenHash: string; lifetimeDays?: number }): Promise<ApiToken>;
    /**
     * The active token with this hash and its user, marking it used (`lastUsedAt` is rewritten at most once a minute);
     * 'expired' when it is past its expiry, null when unknown, revoked or the user is inactive.
     */
    findUser(tokenHash: string): Promise<{ token: ApiToken; user: User } | 'expired' | null>;
    list(userId?: number): Promise<ApiToken[]>;
    /** False when there is no such token; revoking twice keeps the first revocation time. */
    revoke(id: number): Promise<boolean>;
    /** Revokes every token of the user that still works (not revoked, not expired); returns how many. */
    revokeForUser(userId: number): Promise<number>;
  };

  sessions: {
    /** `idHash` is the SHA-256 of the id in the cookie. Expired sessions are swept on the way. */
    create(input: { idHash: string; userId: number; csrfToken: string; expiresAt: string }): Promise<void>;
    /** The live session and its user; null when unknown, expired, or the user is inactive. */
    find(idHash: string): Promise<{ session: Session; user: User } | null>;
    extend(idHash: string, expiresAt: string): Promise<void>;
    delete(idHash: string): Promise<void>;
    /** Signs a user out everywhere, except the session `keepIdHash`; returns how many ended. */
    deleteForUser(userId: number, keepIdHash?: string): Promise<number>;
  };

  /** Counters with a window, shared by every server instance on this database (sign-in limits). */
  rateLimits: {
    /** Counts one more hit on `key`; a window that has ended starts again. */
    hit(key: string, windowMs: number): Promise<{ hits: number; resetAt: Date }>;
    /** The hits in `key`'s current window (0 when it has ended). */
    count(key: string): Promise<number>;
    /** Takes one hit back (a request that should not have counted). */
    undo(key: string): Promise<void>;
    reset(key: string): Promise<void>;
  };

  settings: {
    get<T>(key: string, fallback: T): Promise<T>;
    set(key: string, value: unknown): Promise<void>;
  };
}
