// The territory as an API client sees it: anon key, supabase-js, PostgREST.
import { describe, expect, it } from 'vitest';
import { testClient } from '../support/supabase.ts';

const anon = testClient();

async function count(table: 'regions' | 'provinces' | 'communes'): Promise<number | null> {
	const { count, error } = await anon.from(table).select('code', { count: 'exact', head: true });
	expect(error).toBeNull();
	return count;
}

describe('territory through supabase-js (anon)', () => {
	it('has 16 regiones, 56 provincias and 346 comunas', async () => {
		expect(await count('regions')).toBe(16);
		expect(await count('provinces')).toBe(56);
		expect(await count('communes')).toBe(346);
	});

	it('returns official names and parent codes', async () => {
		const { data, error } = await anon
			.from('communes')
			.select('code, name, province_code, region_code')
			.in('code', ['08301', '11101', '05101'])
			.order('code');
		expect(error).toBeNull();
		expect(data).toEqual([
			{ code: '05101', name: 'Valparaíso', province_code: '051', region_code: '05' },
			{ code: '08301', name: 'Los Ángeles', province_code: '083', region_code: '08' },
			{ code: '11101', name: 'Coyhaique', province_code: '111', region_code: '11' }
		]);
	});

	// Real places from north to south, plus the islands; each point sits inside the comuna's built-up area.
	const places: Array<[string, number, number, string]> = [
		['Arica', -70.298, -18.48, '15101'],
		['Iquique', -70.125, -20.245, '01101'],
		['Calama', -68.929, -22.456, '02201'],
		['Copiapó', -70.332, -27.3668, '03101'],
		['Vicuña', -70.711, -30.032, '04106'],
		['Santiago (Plaza de Armas)', -70.6506, -33.4378, '13101'],
		['Rancagua', -70.7397, -34.1701, '06101'],
		['Talca', -71.6554, -35.4264, '07101'],
		['Chillán', -72.1034, -36.6066, '16101'],
		['Los Ángeles', -72.35, -37.4697, '08301'],
		['Temuco', -72.5904, -38.7359, '09101'],
		['Valdivia', -73.2452, -39.8142, '14101'],
		['Osorno', -73.133, -40.574, '10301'],
		['Coyhaique', -72.0662, -45.5752, '11101'],
		['Punta Arenas', -70.93, -53.15, '12101'],
		['Hanga Roa, Isla de Pascua', -109.42, -27.13, '05201']
	];

	it.each(places)('commune_at locates %s', async (_place, lon, lat, code) => {
		const { data, error } = await anon.rpc('commune_at', { lon, lat });
		expect(error).toBeNull();
		expect(data).toHaveLength(1);
		expect(data![0].code).toBe(code);
		expect(data![0].region_code).toBe(code.slice(0, 2));
		expect(data![0].province_code).toBe(code.slice(0, 3));
	});

	it('commune_at returns nothing in the Pacific or in Argentina', async () => {
		for (const [lon, lat] of [
			[-75.0, -33.0],
			[-68.8272, -32.8895]
		]) {
			const { data, error } = await anon.rpc('commune_at', { lon, lat });
			expect(error).toBeNull();
			expect(data).toEqual([]);
		}
	});

	it('refuses writes from anon', async () => {
		const { error } = await anon.from('regions').insert({ code: '99', name: 'X', roman: 'I' });
		expect(error?.code).toBe('42501');
		const { error: updateError } = await anon.from('communes').update({ name: 'X' }).eq('code', '05101');
		expect(updateError?.code).toBe('42501');
	});
});
