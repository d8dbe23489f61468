// The territory as an API client sees it: anon key, supabase-js, PostgREST.
import { describe, expect, it } from 'vitest';
import { knownPlaces, officialCounts, placesOutside } from '../../scripts/lib/data/verify.ts';
import { testClient } from '../support/supabase.ts';

const anon = testClient();

async function count(table: 'regions' | 'provinces' | 'communes'): Promise<number | null> {
	const { count, error } = await anon.from(table).select('code', { count: 'exact', head: true });
	expect(error).toBeNull();
	return count;
}

describe('territory through supabase-js (anon)', () => {
	it('has 16 regiones, 56 provincias and 346 comunas', async () => {
		expect(await count('regions')).toBe(officialCounts.regions);
		expect(await count('provinces')).toBe(officialCounts.provinces);
		expect(await count('communes')).toBe(officialCounts.communes);
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

	// The places the data pipeline verifies after each load (scripts/lib/data/verify.ts), here as an
	// API client asks for them.
	it.each(knownPlaces.map((p) => [p.place, p.lon, p.lat, p.commune] as const))(
		'commune_at locates %s',
		async (_place, lon, lat, code) => {
			const { data, error } = await anon.rpc('commune_at', { lon, lat });
			expect(error).toBeNull();
			expect(data).toHaveLength(1);
			expect(data![0].code).toBe(code);
			expect(data![0].region_code).toBe(code.slice(0, 2));
			expect(data![0].province_code).toBe(code.slice(0, 3));
		}
	);

	it('commune_at returns nothing in the Pacific or in Argentina', async () => {
		for (const { lon, lat } of placesOutside) {
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
