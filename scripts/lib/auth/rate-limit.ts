// Counting of failed sign-ins, kept in memory: the Auth service is a single process and a restart of
// the local stack may forget the counts (a hosted GoTrue has its own limits).

export interface WindowLimit {
	/** Failures allowed inside the window; the next attempt is refused. */
	maxFailures: number;
	windowMs: number;
}

type Clock = () => number;

/** Timestamps of recent events per key, forgetting those older than the window. */
export class SlidingWindowCounter {
	readonly #limit: WindowLimit;
	readonly #now: Clock;
	readonly #events = new Map<string, number[]>();
	readonly #maxKeys: number;

	constructor(limit: WindowLimit, options: { now?: Clock; maxKeys?: number } = {}) {
		if (!(limit.maxFailures >= 1) || !(limit.windowMs > 0)) throw new RangeError('invalid window limit');
		this.#limit = limit;
		this.#now = options.now ?? Date.now;
		this.#maxKeys = options.maxKeys ?? 50_000;
	}

	#recent(key: string, now: number): number[] {
		const events = this.#events.get(key);
		if (!events) return [];
		const cutoff = now - this.#limit.windowMs;
		let firstKept = 0;
		while (firstKept < events.length && events[firstKept] <= cutoff) firstKept++;
		if (firstKept === events.length) {
			this.#events.delete(key);
			return [];
		}
		if (firstKept > 0) events.splice(0, firstKept);
		return events;
	}

	count(key: string): number {
		return this.#recent(key, this.#now()).length;
	}

	isExceeded(key: string): boolean {
		return this.count(key) >= this.#limit.maxFailures;
	}

	/** Milliseconds until one more event would be allowed (0 when allowed now). */
	retryAfterMs(key: string): number {
		const now = this.#now();
		const events = this.#recent(key, now);
		if (events.length < this.#limit.maxFailures) return 0;
		const oldestThatMustExpire = events[events.length - this.#limit.maxFailures];
		return Math.max(0, oldestThatMustExpire + this.#limit.windowMs - now);
	}

	record(key: string): void {
		const now = this.#now();
		const events = this.#recent(key, now);
		// Only the newest maxFailures events can ever matter for the decision.
		if (events.length >= this.#limit.maxFailures) events.shift();
		events.push(now);
		this.#events.set(key, events);
		if (this.#events.size > this.#maxKeys) this.#sweep(now);
	}

	reset(key: string): void {
		this.#events.delete(key);
	}

	get size(): number {
		return this.#events.size;
	}

	#sweep(now: number): void {
		for (const key of [...this.#events.keys()]) this.#recent(key, now);
		// Still too many live keys (a flood of distinct addresses): drop the oldest-inserted ones
		// rather than grow without bound; the per-IP counter still limits each source.
		const excess = this.#events.size - this.#maxKeys;
		if (excess > 0) {
			let dropped = 0;
			for (const key of this.#events.keys()) {
				if (dropped++ >= excess) break;
				this.#events.delete(key);
			}
		}
	}
}

/**
 * Growing delays: after `freeFailures` failures, each further one doubles the wait before the next
 * attempt (from `baseDelayMs` up to `maxDelayMs`). Nothing is locked for a fixed time, and the
 * count is forgotten `forgetAfterMs` after the last failure.
 */
export interface BackoffPolicy {
	freeFailures: number;
	baseDelayMs: number;
	maxDelayMs: number;
	forgetAfterMs: number;
}

/** Failures per key with a growing delay, kept in memory and bounded like SlidingWindowCounter. */
export class GrowingDelay {
	readonly #policy: BackoffPolicy;
	readonly #now: Clock;
	readonly #maxKeys: number;
	readonly #entries = new Map<string, { failures: number; last: number }>();

	constructor(policy: BackoffPolicy, options: { now?: Clock; maxKeys?: number } = {}) {
		if (
			!(policy.freeFailures >= 0) ||
			!(policy.baseDelayMs > 0) ||
			!(policy.maxDelayMs >= policy.baseDelayMs)
		)
			throw new RangeError('invalid backoff policy');
		this.#policy = policy;
		this.#now = options.now ?? Date.now;
		this.#maxKeys = options.maxKeys ?? 50_000;
	}

	#entry(key: string, now: number) {
		const entry = this.#entries.get(key);
		if (entry && now - entry.last > this.#policy.forgetAfterMs) {
			this.#entries.delete(key);
			return undefined;
		}
		return entry;
	}

	/** Milliseconds until the next attempt is allowed (0 when allowed now). */
	retryAfterMs(key: string): number {
		const now = this.#now();
		const entry = this.#entry(key, now);
		if (!entry || entry.failures < this.#policy.freeFailures) return 0;
		const exponent = entry.failures - this.#policy.freeFailures;
		const delay = Math.min(
			this.#policy.maxDelayMs,
			this.#policy.baseDelayMs * 2 ** Math.min(exponent, 30)
		);
		return Math.max(0, entry.last + delay - now);
	}

	record(key: string): void {
		const now = this.#now();
		const entry = this.#entry(key, now) ?? { failures: 0, last: now };
		entry.failures++;
		entry.last = now;
		// Re-inserted, so insertion order is last-failure order and a sweep drops the stalest keys.
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		if (this.#entries.size > this.#maxKeys) this.#sweep(now);
	}

	reset(key: string): void {
		this.#entries.delete(key);
	}

	#sweep(now: number): void {
		for (const key of [...this.#entries.keys()]) this.#entry(key, now);
		const excess = this.#entries.size - this.#maxKeys;
		let dropped = 0;
		for (const key of this.#entries.keys()) {
			if (dropped++ >= excess) break;
			this.#entries.delete(key);
		}
	}
}

/** Addresses each account signed in from, remembered for a while (bounded, in memory). */
class FamiliarAddresses {
	readonly #rememberMs: number;
	readonly #now: Clock;
	readonly #maxKeys: number;
	readonly #seen = new Map<string, number>();

	constructor(rememberMs: number, now: Clock, maxKeys = 50_000) {
		this.#rememberMs = rememberMs;
		this.#now = now;
		this.#maxKeys = maxKeys;
	}

	has(key: string): boolean {
		const at = this.#seen.get(key);
		return at !== undefined && this.#now() - at <= this.#rememberMs;
	}

	add(key: string): void {
		this.#seen.delete(key);
		this.#seen.set(key, this.#now());
		if (this.#seen.size > this.#maxKeys) this.#seen.delete(this.#seen.keys().next().value!);
	}
}

export interface SignInThrottleOptions {
	/** Failures per client address, whatever the account: one place trying many accounts. */
	perAddress?: WindowLimit;
	/** One account from one address: someone guessing that password from there. */
	accountAtAddress?: BackoffPolicy;
	/** One account from addresses it has not signed in from: guessing spread over many addresses. */
	account?: BackoffPolicy;
	/** How long a successful sign-in makes its address familiar for the account. */
	familiarForMs?: number;
	now?: Clock;
}

/** supabase/config.toml's `[auth.rate_limit] sign_in_sign_ups` is a count per 5 minutes. */
export function signInsPerFiveMinutes(maxFailures: number): WindowLimit {
	return { maxFailures, windowMs: 5 * 60_000 };
}

export const DEFAULT_PER_ADDRESS: WindowLimit = signInsPerFiveMinutes(30);
export const DEFAULT_ACCOUNT_AT_ADDRESS: BackoffPolicy = {
	freeFailures: 3,
	baseDelayMs: 1000,
	maxDelayMs: 5 * 60_000,
	forgetAfterMs: 60 * 60_000
};
export const DEFAULT_ACCOUNT: BackoffPolicy = {
	freeFailures: 10,
	baseDelayMs: 1000,
	maxDelayMs: 5 * 60_000,
	forgetAfterMs: 60 * 60_000
};
export const DEFAULT_FAMILIAR_FOR_MS = 30 * 24 * 3600_000;

/**
 * Password sign-in throttling (docs/SECURITY.md, "Sign-in throttling"). Failures delay further
 * attempts, growing with each one, at three levels:
 * - one account from one address: only that address waits, so someone guessing a password
 *   cannot stop its owner signing in from their own address;
 * - one account from every address it has not signed in from before: guessing spread over many
 *   addresses is slowed just the same, while the owner's familiar addresses are never delayed by
 *   it;
 * - one address, whatever the account (a sliding window): one place trying many accounts.
 * A delay refuses attempts whatever the password, but only where it applies. Keys never say
 * whether the e-mail exists, so unknown addresses behave the same (no enumeration).
 */
export class SignInThrottle {
	readonly #perAddress: SlidingWindowCounter;
	readonly #accountAtAddress: GrowingDelay;
	readonly #account: GrowingDelay;
	readonly #familiar: FamiliarAddresses;

	constructor(options: SignInThrottleOptions = {}) {
		const now = options.now ?? Date.now;
		this.#perAddress = new SlidingWindowCounter(options.perAddress ?? DEFAULT_PER_ADDRESS, { now });
		this.#accountAtAddress = new GrowingDelay(options.accountAtAddress ?? DEFAULT_ACCOUNT_AT_ADDRESS, {
			now
		});
		this.#account = new GrowingDelay(options.account ?? DEFAULT_ACCOUNT, { now });
		this.#familiar = new FamiliarAddresses(options.familiarForMs ?? DEFAULT_FAMILIAR_FOR_MS, now);
	}

	static #accountKey(email: string): string {
		return email.trim().toLowerCase();
	}

	static #accountAtKey(email: string, address: string): string {
		return `${SignInThrottle.#accountKey(email)}\u0000${address}`;
	}

	/** Milliseconds the caller must wait before trying again, or 0 when an attempt is allowed. */
	retryAfterMs(email: string, address: string): number {
		const accountAt = SignInThrottle.#accountAtKey(email, address);
		const accountWide = this.#familiar.has(accountAt)
			? 0
			: this.#account.retryAfterMs(SignInThrottle.#accountKey(email));
		return Math.max(
			this.#perAddress.retryAfterMs(address),
			this.#accountAtAddress.retryAfterMs(accountAt),
			accountWide
		);
	}

	recordFailure(email: string, address: string): void {
		const accountAt = SignInThrottle.#accountAtKey(email, address);
		this.#perAddress.record(address);
		this.#accountAtAddress.record(accountAt);
		// Failures from a familiar address are the owner's typos (or someone on their network):
		// they are throttled there, and do not slow the account down everywhere else.
		if (!this.#familiar.has(accountAt)) this.#account.record(SignInThrottle.#accountKey(email));
	}

	/**
	 * Knowing the password clears that account's delay from this address and makes the address
	 * familiar; the account-wide count (guessing elsewhere) and the per-address count stay, so one
	 * valid account cannot be used to wash away failures against others.
	 */
	recordSuccess(email: string, address: string): void {
		const accountAt = SignInThrottle.#accountAtKey(email, address);
		this.#accountAtAddress.reset(accountAt);
		this.#familiar.add(accountAt);
	}
}
