import { describe, expect, it } from 'vitest';
import { markdownTable, percentile, summarise, type Sample } from './stats.ts';

describe('percentile', () => {
	it('is the nearest rank', () => {
		const values = Array.from({ length: 100 }, (_, i) => i + 1);
		expect(percentile(values, 50)).toBe(50);
		expect(percentile(values, 95)).toBe(95);
		expect(percentile(values, 99)).toBe(99);
		expect(percentile(values, 100)).toBe(100);
		expect(percentile([7], 99)).toBe(7);
		expect(percentile([], 50)).toBe(0);
	});
});

describe('summarise', () => {
	it('groups by action and counts errors', () => {
		const sample = (action: string, ms: number, ok = true): Sample => ({
			action,
			at: 0,
			ms,
			ok,
			status: ok ? 200 : 503
		});
		const rows = summarise([sample('b', 10), sample('a', 5), sample('a', 15, false), sample('a', 30)]);
		expect(rows.map((r) => [r.action, r.count, r.errors, r.p50, r.max])).toEqual([
			['a', 3, 1, 15, 30],
			['b', 1, 0, 10, 10]
		]);
		expect(markdownTable(rows).split('\n')).toHaveLength(4);
	});
});
