import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../shared/src';
import { ApiFailure, call, setCsrfToken } from './api';
import type { Session, User } from './types';

/** Who is signed in. Pages read it to show what the role may do; the server decides what it may really do. */
interface SessionState {
  user: User | null;
  /** True until the first look at the session has answered. */
  loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Reads the session again (after choosing a new password, say). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  const queries = useQueryClient();

  const accept = useCallback((s: Session | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setUser(s?.user ?? null);
  }, []);

  const refresh = useCallback(() => call('session').then(accept, () => accept(null)), [accept]);

  useEffect(() => {
    refresh().finally(() => setLoading(false));
  }, [refresh]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      accept(await call('sessionSignIn', { json: { username, password } }));
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    await call('signOut').catch(() => undefined);
    accept(null);
    queries.clear();
  }, [accept, queries]);

  // A session that ended elsewhere (signed out, password changed, expired) shows the sign-in page again.
  useEffect(() => {
    return queries.getQueryCache().subscribe((event) => {
      const error = event.query.state.error;
      if (error instanceof ApiFailure && error.status === 401) accept(null);
    });
  }, [queries, accept]);

  return <SessionContext.Provider value={{ user, loading, signIn, signOut, refresh }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('SessionProvider missing');
  return s;
}

/** The signed-in user (pages under the layout are only shown to one). */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('not signed in');
  return user;
}

export function hasRole(user: User, ...roles: Role[]): boolean {
  return roles.includes(user.role);
}
