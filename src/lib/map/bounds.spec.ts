import { describe, expect, it } from 'vitest';
import { fitPadding, isBbox, pickBbox, withMinimumSpan } from './bounds';

describe('isBbox / pickBbox', () => {
	it('accepts a well-formed [w, s, e, n]', () => {
		expect(isBbox([-75.8, -56.0, -66.3, -17.4])).toBe(true);
	});

	it('rejects nulls, wrong lengths, NaN and inverted boxes', () => {
		expect(isBbox(null)).toBe(false);
		expect(isBbox([1, 2, 3])).toBe(false);
		expect(isBbox([0, Number.NaN, 1, 1])).toBe(false);
		expect(isBbox([-70, -30, -71, -29])).toBe(false);
		expect(isBbox([-70, -30, -69, -31])).toBe(false);
	});

	it('takes the first usable candidate', () => {
		const fromDatabase = [-72, -34, -70, -32];
		expect(pickBbox(undefined, null, fromDatabase)).toEqual(fromDatabase);
		expect(pickBbox([-71.8, -33.1, -70, -32], fromDatabase)).toEqual([-71.8, -33.1, -70, -32]);
		expect(pickBbox(undefined, 'x')).toBeNull();
	});
});

describe('withMinimumSpan', () => {
	it('widens a small area around its centre', () => {
		const [w, s, e, n] = withMinimumSpan([-70.66, -33.46, -70.64, -33.44], 0.2);
		expect(e - w).toBeCloseTo(0.2);
		expect(n - s).toBeCloseTo(0.2);
		expect((w + e) / 2).toBeCloseTo(-70.65);
		expect((s + n) / 2).toBeCloseTo(-33.45);
	});

	it('leaves a large area unchanged', () => {
		expect(withMinimumSpan([-73, -40, -71, -38], 0.2)).toEqual([-73, -40, -71, -38]);
	});
});

describe('fitPadding', () => {
	it('stays between 8 and 40 px', () => {
		expect(fitPadding(100, 100)).toBe(8);
		expect(fitPadding(500, 300)).toBe(18);
		expect(fitPadding(2000, 2000)).toBe(40);
	});
});
