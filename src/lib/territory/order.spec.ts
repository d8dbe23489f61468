import { describe, expect, it } from 'vitest';
import { groupCommunesByProvince, isCommuneCode, isRegionCode } from './order';

describe('groupCommunesByProvince', () => {
	const provinces = [
		{ code: '052', name: 'Isla de Pascua' },
		{ code: '051', name: 'Valparaíso' }
	];
	const communes = [
		{ code: '05109', name: 'Viña del Mar', province_code: '051' },
		{ code: '05201', name: 'Isla de Pascua', province_code: '052' },
		{ code: '05101', name: 'Valparaíso', province_code: '051' },
		{ code: '05102', name: 'Casablanca', province_code: '051' },
		{ code: '05103', name: 'Concón', province_code: '051' }
	];

	it('orders provinces by code and comunas alphabetically in Spanish', () => {
		const groups = groupCommunesByProvince(provinces, communes);
		expect(groups.map((g) => g.province.code)).toEqual(['051', '052']);
		expect(groups[0].communes.map((c) => c.name)).toEqual([
			'Casablanca',
			'Concón',
			'Valparaíso',
			'Viña del Mar'
		]);
	});

	it('keeps a province without comunas visible', () => {
		const groups = groupCommunesByProvince(
			provinces,
			communes.filter((c) => c.province_code === '051')
		);
		expect(groups[1]).toEqual({ province: provinces[0], communes: [] });
	});

	it('refuses a comuna of an unknown province', () => {
		expect(() =>
			groupCommunesByProvince(provinces, [{ code: '05301', name: 'Los Andes', province_code: '053' }])
		).toThrowError(/05301/);
	});
});

describe('code checks', () => {
	it('accepts CUT-shaped codes only', () => {
		expect(isRegionCode('05')).toBe(true);
		expect(isRegionCode('5')).toBe(false);
		expect(isRegionCode('05a')).toBe(false);
		expect(isCommuneCode('12202')).toBe(true);
		expect(isCommuneCode('5101')).toBe(false);
	});
});
