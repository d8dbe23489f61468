import { describe, expect, it } from 'vitest';
import type { PmgEvidence } from './evidence';
import { countClasses, mapDescription, mapShading, shareClass } from './report-maps';

function evidence(regionCode: string | null, places: Partial<Record<'1.1' | '1.3' | '2.1', unknown>>) {
	return {
		year: 2026,
		region_code: regionCode,
		as_of: '2026-11-30T15:00:00Z',
		today: '2026-11-30',
		'1.1': { agreements: 3, regions: 1, by_region: [], problems: [], places: places['1.1'] },
		'1.2': {
			institutions: 4,
			by_kind: [],
			by_region: [],
			communes_covered: 2,
			communes_total: 4,
			coverage: 0.5,
			covered_communes: regionCode ? ['08101', '08102'] : ['08101', '08102', '13101']
		},
		'1.3': {
			formal_agreements: 1,
			by_kind: [],
			commitments_scheduled: 3,
			commitments_due: 2,
			fulfilled_on_time: 1,
			on_time_rate: 0.5,
			overdue: 1,
			overdue_ids: [],
			estimated_cost_clp: 0,
			places: places['1.3']
		},
		'2.1': {
			deliveries_due: 4,
			delivered: 4,
			delivered_on_time: 3,
			punctuality: 0.75,
			receipts_expected: 8,
			receipts: 2,
			acknowledgement_rate: 0.25,
			flows: 1,
			places: places['2.1']
		}
	} as PmgEvidence;
}

const communes = ['08101', '08102', '08103', '08104'];

describe('countClasses', () => {
	it('gives each count its own class up to four, then four equal ranges', () => {
		expect(countClasses(0)).toEqual([]);
		expect(countClasses(3)).toEqual([
			[1, 1],
			[2, 2],
			[3, 3]
		]);
		expect(countClasses(10)).toEqual([
			[1, 3],
			[4, 6],
			[7, 9],
			[10, 10]
		]);
	});
});

describe('shareClass', () => {
	it('splits shares at 50 % and 80 %', () => {
		expect([0, 0.4999, 0.5, 0.7999, 0.8, 1].map(shareClass)).toEqual([0, 0, 1, 1, 2, 2]);
	});
});

describe('mapShading', () => {
	it('1.1: comunas by how many agreements lie there, the rest as none, counted in the legend', () => {
		const shading = mapShading(
			'1.1',
			evidence('08', {
				'1.1': [
					{ code: '08101', agreements: 1 },
					{ code: '08102', agreements: 2 }
				]
			}),
			communes,
			'es'
		)!;
		expect(shading.legend.map((e) => [e.label, e.places])).toEqual([
			['1 acuerdo', 1],
			['2 acuerdos', 1],
			['Sin acuerdos', 2]
		]);
		expect(shading.shades).toEqual({ '08101': 0, '08102': 1, '08103': 2, '08104': 2 });
		expect(shading.caption).toBe(
			'Comunas donde un acuerdo vigente en 2026 identifica un problema territorial, por número de acuerdos. Datos al 30-11-2026.'
		);
	});

	it('1.2: covered comunas, or in the country the regions with one', () => {
		const region = mapShading('1.2', evidence('08', {}), communes, 'es')!;
		expect(region.shades).toEqual({ '08101': 0, '08102': 0, '08103': 1, '08104': 1 });
		const country = mapShading('1.2', evidence(null, {}), ['08', '13', '05'], 'es')!;
		expect(country.shades).toEqual({ '08': 0, '13': 0, '05': 1 });
		expect(country.caption).toMatch(/^Regiones con compromisos/);
	});

	it('1.3: on-time rate classes, and comunas with commitments none yet due apart', () => {
		const commitment = { scheduled: 1, due: 1, on_time: 0, overdue: 1 };
		const shading = mapShading(
			'1.3',
			evidence('08', {
				'1.3': [
					{ code: '08101', ...commitment, on_time_rate: 0 },
					{ code: '08102', ...commitment, on_time_rate: 0.8 },
					{ code: '08103', ...commitment, due: 0, overdue: 0, on_time_rate: null }
				]
			}),
			communes,
			'es'
		)!;
		expect(shading.shades).toEqual({ '08101': 0, '08102': 2, '08103': 3, '08104': 4 });
		expect(shading.legend.map((e) => e.places)).toEqual([1, 0, 1, 1, 1]);
		expect(shading.caption).toContain('Los compromisos sin comuna no se dibujan.');
	});

	it('2.1: punctuality of the comunas whose municipality receives', () => {
		const shading = mapShading(
			'2.1',
			evidence('08', {
				'2.1': [{ code: '08104', due: 4, on_time: 3, punctuality: 0.75, delivered: 4, receipts: 1 }]
			}),
			communes,
			'es'
		)!;
		expect(shading.shades).toEqual({ '08101': 3, '08102': 3, '08103': 3, '08104': 1 });
		expect(shading.legend[3].label).toBe('Sin municipio destinatario');
	});

	it('has no map for a snapshot frozen before the evidence had places', () => {
		expect(mapShading('1.1', evidence('08', {}), communes, 'es')).toBeNull();
		expect(mapShading('1.3', evidence('08', {}), communes, 'es')).toBeNull();
		expect(mapShading('2.1', evidence('08', {}), communes, 'es')).toBeNull();
	});
});

describe('mapDescription', () => {
	it('reads out the caption and each legend entry with its places', () => {
		const shading = mapShading('1.2', evidence(null, {}), ['08', '13', '05'], 'es')!;
		expect(mapDescription(shading, true, 'es')).toBe(
			'Regiones con compromisos de acuerdos vigentes en 2026. Datos al 30-11-2026. Leyenda: Con compromisos, 2 regiones; Sin compromisos, 1 región.'
		);
	});
});
