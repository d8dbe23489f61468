import { describe, expect, it } from 'vitest';
import type { PmgEvidence } from './evidence';
import { barRows, buildExecutiveReport } from './report';

function evidence(year: number, scale: number): PmgEvidence {
	return {
		year,
		region_code: '08',
		as_of: `${year}-12-31T12:00:00Z`,
		today: `${year}-12-31`,
		'1.1': { agreements: 5 * scale, regions: 1, by_region: [], problems: [] },
		'1.2': {
			institutions: 12 * scale,
			by_kind: [],
			by_region: [],
			communes_covered: 8 * scale,
			communes_total: 33,
			coverage: (8 * scale) / 33,
			covered_communes: []
		},
		'1.3': {
			formal_agreements: 4,
			by_kind: [],
			commitments_scheduled: 10,
			commitments_due: 6,
			fulfilled_on_time: 3,
			on_time_rate: 0.5,
			overdue: 2,
			overdue_ids: [7, 9],
			estimated_cost_clp: 1_500_000
		},
		'2.1': {
			deliveries_due: 12,
			delivered: 11,
			delivered_on_time: 9,
			punctuality: 0.75,
			receipts_expected: 30,
			receipts: 24,
			acknowledgement_rate: 0.8,
			flows: 2
		}
	};
}

const requirements = [
	{ code: '1.1', name: 'Perspectiva territorial' },
	{ code: '1.2', name: 'Articulación territorial' },
	{ code: '1.3', name: 'Complementariedad' },
	{ code: '2.1', name: 'Información regional' },
	{ code: '3', name: 'Informe ejecutivo' }
];

describe('buildExecutiveReport', () => {
	const report = buildExecutiveReport({
		year: 2026,
		requirements,
		evaluations: {
			'1.1': {
				status: 'final',
				background: null,
				development: 'Logro 1.1',
				recommendations: 'Rec 1.1'
			},
			'1.3': { status: 'submitted', background: null, development: 'Logro 1.3', recommendations: null },
			'3': { status: 'draft', background: null, development: null, recommendations: 'A SUBDERE' }
		},
		evidence: evidence(2026, 2),
		previous: evidence(2025, 1),
		frozen: false
	});

	it('has one area per evaluated requirement, with its texts and figures', () => {
		expect(report.areas.map((a) => [a.code, a.name, a.development])).toEqual([
			['1.1', 'Perspectiva territorial', 'Logro 1.1'],
			['1.2', 'Articulación territorial', null],
			['1.3', 'Complementariedad', 'Logro 1.3'],
			['2.1', 'Información regional', null]
		]);
		expect(report.areas[0].figures[0]).toMatchObject({
			key: 'pmg.fig.agreements',
			value: 10,
			previous: 5
		});
	});

	it('charts counts, or shares for regional information', () => {
		expect(report.areas[1].chart.map((f) => f.key)).toEqual([
			'pmg.fig.institutions',
			'pmg.fig.communesCovered'
		]);
		expect(report.areas[3].chart.map((f) => f.key)).toEqual([
			'pmg.fig.punctuality',
			'pmg.fig.acknowledgementRate'
		]);
	});

	it('takes the recommendations to SUBDERE from requirement 3 and the least advanced status', () => {
		expect(report.toSubdere.recommendations).toBe('A SUBDERE');
		expect(report.status).toBe('draft');
	});
});

describe('barRows', () => {
	it('scales counts against the largest value of either year', () => {
		const rows = barRows([
			{ key: 'pmg.fig.agreements', format: 'count', value: 10, previous: 5 },
			{ key: 'pmg.fig.regions', format: 'count', value: 2, previous: null }
		]);
		expect(rows.map((r) => [r.valueWidth, r.previousWidth])).toEqual([
			[1, 0.5],
			[0.2, 0]
		]);
	});

	it('scales shares against 100 %', () => {
		expect(
			barRows([{ key: 'pmg.fig.punctuality', format: 'share', value: 0.75, previous: 0.5 }])[0]
		).toMatchObject({
			valueWidth: 0.75,
			previousWidth: 0.5
		});
	});
});
