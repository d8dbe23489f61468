import { describe, expect, it } from 'vitest';
import {
	groupCommunesByProvince,
	isCommuneCode,
	isRegionCode,
	REGION_CODES_NORTH_TO_SOUTH,
	sortRegionsNorthToSouth
} from './order';

describe('sortRegionsNorthToSouth', () => {
	it('puts Arica y Parinacota first, Santiago after Valparaíso, Ñuble before Biobío, Magallanes last', () => {
		const byCode = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16']
			.map((code) => ({ code }));
		const order = sortRegionsNorthToSouth(byCode).map((region) => region.code);
		expect(order).toEqual([...REGION_CODES_NORTH_TO_SOUTH]);
		expect(order[0]).toBe('15');
		expect(order.indexOf('13')).toBe(order.indexOf('05') + 1);
		expect(order.indexOf('16')).toBe(order.indexOf('08') - 1);
		expect(order.at(-1)).toBe('12');
	});

	it('covers the 16 regions exactly once', () => {
		expect(new Set(REGION_CODES_NORTH_TO_SOUTH).size).toBe(16);
	});

	it('keeps an unknown code at the end instead of dropping it', () => {
		expect(sortRegionsNorthToSouth([{ code: '17' }, { code: '12' }, { code: '15' }]).map((r) => r.code))
			.toEqual(['15', '12', '17']);
	});

	it('does not mutate its input', () => {
		const input = [{ code: '12' }, { code: '15' }];
		sortRegionsNorthToSouth(input);
		expect(input[0].code).toBe('12');
	});
});

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
		const groups = groupCommunesByProvince(provinces, communes.filter((c) => c.province_code === '051'));
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
