import { describe, expect, it } from 'vitest';
import { QUALITY_FLAGS, qualityHref, qualityTable } from './summary';
import { Constants } from '$lib/database.types';

describe('qualityTable', () => {
	const regions = [
		{ code: '15', name: 'Arica y Parinacota' },
		{ code: '05', name: 'Valparaíso' }
	];

	it('has a row per region in the given order, zeros where nothing is flagged, and the country last', () => {
		const rows = qualityTable(
			[
				{ region_code: '05', flag: 'missing_bip', items: 3 },
				{ region_code: '05', flag: 'stale', items: 2 },
				{ region_code: null, flag: 'missing_bip', items: 3 },
				{ region_code: null, flag: 'stale', items: 2 },
				{ region_code: '99', flag: 'stale', items: 7 }
			],
			regions,
			'Todo el país'
		);
		expect(rows.map((r) => [r.code, r.name, r.total])).toEqual([
			['15', 'Arica y Parinacota', 0],
			['05', 'Valparaíso', 5],
			[null, 'Todo el país', 5]
		]);
		expect(rows[1].counts).toMatchObject({ missing_bip: 3, stale: 2, duplicate_bip: 0 });
	});

	it('knows every flag of the database', () => {
		expect([...QUALITY_FLAGS].sort()).toEqual([...Constants.public.Enums.quality_flag].sort());
	});
});

describe('qualityHref', () => {
	it('sends project flags to the filtered projects list and commitments to their list', () => {
		expect(qualityHref('stale', '05')).toBe('/proyectos?region=05&calidad=stale');
		expect(qualityHref('missing_bip', null)).toBe('/proyectos?calidad=missing_bip');
		expect(qualityHref('commitment_unlocated', '05')).toBe('/calidad?region=05#compromisos-sin-lugar');
		expect(qualityHref('commitment_unlocated', null)).toBe('/calidad#compromisos-sin-lugar');
	});
});
