import { describe, expect, it } from 'vitest';
import { GrowingDelay, SignInThrottle, SlidingWindowCounter } from './rate-limit.ts';

function clock(start = 1_000_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('SlidingWindowCounter', () => {
	it('is exceeded at the limit and frees up as old events leave the window', () => {
		const time = clock();
		const counter = new SlidingWindowCounter({ maxFailures: 3, windowMs: 1000 }, { now: time.now });
		counter.record('k');
		time.advance(300);
		counter.record('k');
		time.advance(300);
		expect(counter.isExceeded('k')).toBe(false);
		counter.record('k');
		expect(counter.isExceeded('k')).toBe(true);
		// The first event (t=0) leaves the window at t=1000; now is t=600.
		expect(counter.retryAfterMs('k')).toBe(400);
		time.advance(400);
		expect(counter.isExceeded('k')).toBe(false);
		expect(counter.count('k')).toBe(2);
	});

	it('slides rather than resetting in fixed buckets', () => {
		const time = clock();
		const counter = new SlidingWindowCounter({ maxFailures: 2, windowMs: 1000 }, { now: time.now });
		counter.record('k');
		time.advance(900);
		counter.record('k');
		time.advance(200); // t=1100: the first left, the second (t=900) remains
		expect(counter.count('k')).toBe(1);
		counter.record('k');
		expect(counter.isExceeded('k')).toBe(true);
		expect(counter.retryAfterMs('k')).toBe(800);
	});

	it('forgets keys whose events all expired and bounds the number of keys', () => {
		const time = clock();
		const counter = new SlidingWindowCounter(
			{ maxFailures: 2, windowMs: 1000 },
			{ now: time.now, maxKeys: 10 }
		);
		for (let i = 0; i < 25; i++) counter.record(`k${i}`);
		expect(counter.size).toBeLessThanOrEqual(11);
		time.advance(1001);
		expect(counter.count('k24')).toBe(0);
	});

	it('rejects nonsensical limits', () => {
		expect(() => new SlidingWindowCounter({ maxFailures: 0, windowMs: 1000 })).toThrow(RangeError);
	});
});

describe('GrowingDelay', () => {
	const policy = { freeFailures: 2, baseDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 60_000 };

	it('lets the free failures through, then doubles the wait with each failure up to the cap', () => {
		const time = clock();
		const delay = new GrowingDelay(policy, { now: time.now });
		const waits: number[] = [];
		for (let i = 0; i < 7; i++) {
			delay.record('k');
			waits.push(delay.retryAfterMs('k'));
		}
		expect(waits).toEqual([0, 1000, 2000, 4000, 8000, 8000, 8000]);
		time.advance(3000);
		expect(delay.retryAfterMs('k')).toBe(5000);
	});

	it('forgets the count some time after the last failure, and on reset', () => {
		const time = clock();
		const delay = new GrowingDelay(policy, { now: time.now });
		for (let i = 0; i < 4; i++) delay.record('k');
		time.advance(60_001);
		delay.record('k');
		expect(delay.retryAfterMs('k')).toBe(0);
		for (let i = 0; i < 4; i++) delay.record('j');
		delay.reset('j');
		expect(delay.retryAfterMs('j')).toBe(0);
	});
});

describe('SignInThrottle', () => {
	const limits = {
		perAddress: { maxFailures: 8, windowMs: 300_000 },
		accountAtAddress: {
			freeFailures: 3,
			baseDelayMs: 1000,
			maxDelayMs: 300_000,
			forgetAfterMs: 3_600_000
		},
		account: { freeFailures: 10, baseDelayMs: 1000, maxDelayMs: 300_000, forgetAfterMs: 3_600_000 }
	};

	it('delays an account only at the address that keeps failing, case-insensitively', () => {
		const time = clock();
		const throttle = new SignInThrottle({ ...limits, now: time.now });
		for (let i = 0; i < 5; i++)
			throttle.recordFailure(i % 2 ? 'ana@example.cl' : ' ANA@example.cl ', '10.0.0.1');
		// 3 free failures, then 1 s and 2 s: the fifth asks for 4 s.
		expect(throttle.retryAfterMs('Ana@Example.cl', '10.0.0.1')).toBe(4000);
		// The owner at their own address, and another account at this one, are not delayed.
		expect(throttle.retryAfterMs('ana@example.cl', '10.0.0.2')).toBe(0);
		expect(throttle.retryAfterMs('beto@example.cl', '10.0.0.1')).toBe(0);
		time.advance(4000);
		expect(throttle.retryAfterMs('ana@example.cl', '10.0.0.1')).toBe(0);
	});

	it('delays guessing spread over many addresses, except at addresses the owner signed in from', () => {
		const time = clock();
		const throttle = new SignInThrottle({ ...limits, now: time.now });
		throttle.recordSuccess('ana@example.cl', '192.0.2.7');
		for (let i = 0; i < 12; i++) throttle.recordFailure('ana@example.cl', `10.1.0.${i}`);
		// Each address failed once, yet a fresh address waits: 10 free, then 1 s, 2 s → 4 s.
		expect(throttle.retryAfterMs('ana@example.cl', '10.1.0.99')).toBe(4000);
		expect(throttle.retryAfterMs('ana@example.cl', '192.0.2.7')).toBe(0);
	});

	it("does not let the owner's typos at a familiar address delay the account elsewhere", () => {
		const throttle = new SignInThrottle({ ...limits, now: clock().now });
		throttle.recordSuccess('ana@example.cl', '192.0.2.7');
		for (let i = 0; i < 12; i++) throttle.recordFailure('ana@example.cl', '192.0.2.7');
		expect(throttle.retryAfterMs('ana@example.cl', '198.51.100.1')).toBe(0);
		expect(throttle.retryAfterMs('ana@example.cl', '192.0.2.7')).toBeGreaterThan(0);
	});

	it('caps failures per address across accounts', () => {
		const throttle = new SignInThrottle({ ...limits, now: clock().now });
		for (let i = 0; i < 8; i++) throttle.recordFailure(`user${i}@example.cl`, '10.0.0.9');
		expect(throttle.retryAfterMs('someone-else@example.cl', '10.0.0.9')).toBeGreaterThan(0);
		expect(throttle.retryAfterMs('someone-else@example.cl', '10.0.0.10')).toBe(0);
	});

	it("a success clears only that account's delay at that address, not the per-address count", () => {
		const throttle = new SignInThrottle({ ...limits, now: clock().now });
		for (let i = 0; i < 4; i++) throttle.recordFailure('victim@example.cl', '10.0.0.3');
		for (let i = 0; i < 4; i++) throttle.recordFailure('attacker@example.cl', '10.0.0.3');
		throttle.recordSuccess('attacker@example.cl', '10.0.0.3');
		// 8 failures from 10.0.0.3 remain counted: the per-address cap still applies there.
		expect(throttle.retryAfterMs('nobody@example.cl', '10.0.0.3')).toBeGreaterThan(0);
	});
});
