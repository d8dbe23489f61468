import { describe, expect, it } from 'vitest';
import { SignInThrottle, SlidingWindowCounter } from './rate-limit.ts';

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

describe('SignInThrottle', () => {
	const limits = {
		perEmailAndIp: { maxFailures: 5, windowMs: 300_000 },
		perIp: { maxFailures: 8, windowMs: 300_000 }
	};

	it('blocks an e-mail from an address after 5 failures, case-insensitively', () => {
		const time = clock();
		const throttle = new SignInThrottle({ ...limits, now: time.now });
		for (let i = 0; i < 5; i++) {
			expect(throttle.retryAfterMs('Ana@Example.cl', '10.0.0.1')).toBe(0);
			throttle.recordFailure(i % 2 ? 'ana@example.cl' : ' ANA@example.cl ', '10.0.0.1');
		}
		expect(throttle.retryAfterMs('ana@example.cl', '10.0.0.1')).toBe(300_000);
		// The same e-mail from another address, and another e-mail from this one, are still allowed.
		expect(throttle.retryAfterMs('ana@example.cl', '10.0.0.2')).toBe(0);
		expect(throttle.retryAfterMs('beto@example.cl', '10.0.0.1')).toBe(0);
		time.advance(300_000);
		expect(throttle.retryAfterMs('ana@example.cl', '10.0.0.1')).toBe(0);
	});

	it('caps failures per address across e-mails', () => {
		const throttle = new SignInThrottle({ ...limits, now: clock().now });
		for (let i = 0; i < 8; i++) throttle.recordFailure(`user${i}@example.cl`, '10.0.0.9');
		expect(throttle.retryAfterMs('someone-else@example.cl', '10.0.0.9')).toBeGreaterThan(0);
		expect(throttle.retryAfterMs('someone-else@example.cl', '10.0.0.10')).toBe(0);
	});

	it("a success clears only that e-mail's count from that address, not the per-IP count", () => {
		const throttle = new SignInThrottle({ ...limits, now: clock().now });
		for (let i = 0; i < 4; i++) throttle.recordFailure('victim@example.cl', '10.0.0.3');
		for (let i = 0; i < 4; i++) throttle.recordFailure('attacker@example.cl', '10.0.0.3');
		throttle.recordSuccess('attacker@example.cl', '10.0.0.3');
		// 8 failures from this address remain counted: the per-IP cap still applies.
		expect(throttle.retryAfterMs('victim@example.cl', '10.0.0.3')).toBeGreaterThan(0);
	});
});
