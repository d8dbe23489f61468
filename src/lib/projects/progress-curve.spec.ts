import { describe, expect, it } from 'vitest';
import { plannedCurve, plannedProgress, polylinePoints } from './progress-curve';

describe('plannedProgress', () => {
	it('follows the S-curve 100·(3t² − 2t³)', () => {
		expect(plannedProgress('2024-01-01', '2025-01-01', '2023-06-01')).toBe(0);
		expect(plannedProgress('2024-01-01', '2025-01-01', '2024-07-02')).toBeCloseTo(50, 0);
		expect(plannedProgress('2024-01-01', '2024-01-11', '2024-01-02')).toBeCloseTo(2.8, 1);
		expect(plannedProgress('2024-01-01', '2025-01-01', '2026-01-01')).toBe(100);
	});
});

describe('plannedCurve', () => {
	it('starts at 0, ends at 100 and rises monthly in between', () => {
		const curve = plannedCurve('2024-01-15', '2024-04-10');
		expect(curve.map((p) => p.on)).toEqual([
			'2024-01-15',
			'2024-02-01',
			'2024-03-01',
			'2024-04-01',
			'2024-04-10'
		]);
		expect(curve[0].value).toBe(0);
		expect(curve.at(-1)?.value).toBe(100);
		for (let i = 1; i < curve.length; i++)
			expect(curve[i].value).toBeGreaterThanOrEqual(curve[i - 1].value);
	});
});

describe('polylinePoints', () => {
	it('maps dates to x and percentages to y (0 at the bottom)', () => {
		const points = polylinePoints(
			[
				{ on: '2024-01-01', value: 0 },
				{ on: '2024-01-11', value: 100 }
			],
			'2024-01-01',
			'2024-01-11',
			200,
			100
		);
		expect(points).toBe('0.0,100.0 200.0,0.0');
	});
});
