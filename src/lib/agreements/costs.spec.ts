import { describe, expect, it } from 'vitest';
import { costBreakdown, costByRegion } from './costs';

const gore = { id: 1, name: 'Gobierno Regional del Biobío' };
const doh = { id: 2, name: 'Dirección de Obras Hidráulicas' };
const names: Record<string, string> = { medio_ambiente: 'Medio ambiente', territorio: 'Territorio' };

describe('estimated costs for the budget process', () => {
	const costs = costBreakdown(
		[
			{
				theme_code: 'medio_ambiente',
				responsible: gore,
				due_on: '2026-05-01',
				status: 'pending',
				estimated_cost_clp: 12_500_000
			},
			{
				theme_code: 'medio_ambiente',
				responsible: doh,
				due_on: '2027-01-10',
				status: 'in_progress',
				estimated_cost_clp: 7_250_000
			},
			{
				theme_code: 'territorio',
				responsible: doh,
				due_on: '2027-03-10',
				status: 'fulfilled',
				estimated_cost_clp: null
			},
			{
				theme_code: 'territorio',
				responsible: gore,
				due_on: '2027-03-10',
				status: 'cancelled',
				estimated_cost_clp: 99_000_000
			}
		],
		(code) => names[code]
	);

	it('adds up what is not cancelled, and counts what has no estimate', () => {
		expect(costs).toMatchObject({ total: 19_750_000, count: 3, withoutEstimate: 1 });
	});

	it('by theme and by institution, largest first; by year in order', () => {
		expect(costs.byTheme).toEqual([
			{ key: 'medio_ambiente', label: 'Medio ambiente', total: 19_750_000, count: 2, estimated: 2 },
			// Its one commitment has no estimate: an unknown cost, which the tables show as such.
			{ key: 'territorio', label: 'Territorio', total: 0, count: 1, estimated: 0 }
		]);
		expect(costs.byInstitution.map((g) => [g.label, g.total])).toEqual([
			['Gobierno Regional del Biobío', 12_500_000],
			['Dirección de Obras Hidráulicas', 7_250_000]
		]);
		expect(costs.byYear.map((g) => [g.key, g.total, g.count])).toEqual([
			['2026', 12_500_000, 1],
			['2027', 7_250_000, 2]
		]);
	});
});

describe('costByRegion', () => {
	it('splits a national commitment by how many of its comunas lie in each region', () => {
		expect(costByRegion(1_000_000, ['08101', '08102', '08103', '05101'])).toEqual(
			new Map([
				['08', 750_000],
				['05', 250_000]
			])
		);
	});

	it('never loses or duplicates a peso, whatever the rounding', () => {
		for (const cost of [1, 2, 10, 999_999_999, 12_345_677]) {
			const parts = costByRegion(cost, ['08101', '05101', '13101', '13102', '16101', '16102', '16103']);
			expect(
				[...parts.values()].reduce((a, b) => a + b, 0),
				String(cost)
			).toBe(cost);
		}
		// Equal remainders go to the lower region code first.
		expect(costByRegion(1, ['05101', '08101'])).toEqual(
			new Map([
				['05', 1],
				['08', 0]
			])
		);
	});

	it('has no regional part without comunas, and counts a comuna once', () => {
		expect(costByRegion(500, [])).toEqual(new Map());
		expect(costByRegion(500, ['08101', '08101'])).toEqual(new Map([['08', 500]]));
	});
});
