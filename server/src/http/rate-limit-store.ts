import type { IncrementResponse, Options, Store as LimitStore } from 'express-rate-limit';
import type { IdentityRepository } from '../db/store';

/**
 * express-rate-limit's counters kept in our database (Store.rateLimits), so that every server
 * instance on the same database shares them.
 */
export class DatabaseRateLimitStore implements LimitStore {
  /** Keys are shared between processes, not local to this one. */
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly store: Pick<IdentityRepository, 'rateLimits'>,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const { hits, resetAt } = await this.store.rateLimits.hit(this.prefix + key, this.windowMs);
    return { totalHits: hits, resetTime: resetAt };
  }

  /** Takes back a hit that should not have counted: with skipSuccessfulRequests, a sign-in that succeeded. */
  async decrement(key: string): Promise<void> {
    await this.store.rateLimits.undo(this.prefix + key);
  }

  async resetKey(key: string): Promise<void> {
    await this.store.rateLimits.reset(this.prefix + key);
  }
}
