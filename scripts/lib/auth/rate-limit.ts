// Sliding-window counting of failed sign-ins, kept in memory: the Auth service is a single process
// and a restart of the local stack may forget the counts (a hosted GoTrue has its own limits).

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

export interface SignInThrottleOptions {
	perEmailAndIp?: WindowLimit;
	perIp?: WindowLimit;
	now?: Clock;
}

/** supabase/config.toml's `[auth.rate_limit] sign_in_sign_ups` is a count per 5 minutes. */
export function signInsPerFiveMinutes(maxFailures: number): WindowLimit {
	return { maxFailures, windowMs: 5 * 60_000 };
}

export const DEFAULT_PER_EMAIL_AND_IP: WindowLimit = { maxFailures: 5, windowMs: 5 * 60_000 };
// The local stack listens on loopback only, so every client shares one address: the per-IP cap is
// set high enough that repeated test runs do not trip it, yet far below useful guessing rates.
export const DEFAULT_PER_IP: WindowLimit = { maxFailures: 100, windowMs: 5 * 60_000 };

/**
 * Failed password sign-ins, limited per (e-mail, client IP) — guessing one account's password —
 * and per client IP — trying many accounts from one place. Keys never mention whether the e-mail
 * exists, so the limit behaves the same for unknown addresses.
 */
export class SignInThrottle {
	readonly #perEmailAndIp: SlidingWindowCounter;
	readonly #perIp: SlidingWindowCounter;

	constructor(options: SignInThrottleOptions = {}) {
		this.#perEmailAndIp = new SlidingWindowCounter(options.perEmailAndIp ?? DEFAULT_PER_EMAIL_AND_IP, {
			now: options.now
		});
		this.#perIp = new SlidingWindowCounter(options.perIp ?? DEFAULT_PER_IP, { now: options.now });
	}

	static #emailKey(email: string, ip: string): string {
		return `${email.trim().toLowerCase()}\u0000${ip}`;
	}

	/** Milliseconds the caller must wait before trying again, or 0 when an attempt is allowed. */
	retryAfterMs(email: string, ip: string): number {
		return Math.max(
			this.#perEmailAndIp.retryAfterMs(SignInThrottle.#emailKey(email, ip)),
			this.#perIp.retryAfterMs(ip)
		);
	}

	recordFailure(email: string, ip: string): void {
		this.#perEmailAndIp.record(SignInThrottle.#emailKey(email, ip));
		this.#perIp.record(ip);
	}

	/**
	 * Knowing the password ends that account's guessing from this address; the per-IP count is
	 * kept, so one valid account cannot be used to wash away failures against others.
	 */
	recordSuccess(email: string, ip: string): void {
		this.#perEmailAndIp.reset(SignInThrottle.#emailKey(email, ip));
	}
}
