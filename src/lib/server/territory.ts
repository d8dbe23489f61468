import type { SupabaseClient } from '@supabase/supabase-js';
import { error } from '@sveltejs/kit';
import type { Database } from '$lib/database.types';
import { failOnDataError } from '$lib/errors';
import { translate, type Language } from '$lib/i18n';
import { mainFocus } from '$lib/territory/focus';
import { groupCommunesByProvince, isCommuneCode, isRegionCode } from '$lib/territory/order';

// Reads of the territory tables for the pages. Only names, codes and bounding boxes travel through
// here: boundaries are static files the browser fetches itself (see src/lib/territory/geo-files.ts).

type Client = SupabaseClient<Database>;
export type Bbox = [number, number, number, number];

export interface RegionSummary {
	code: string;
	name: string;
	roman: string;
}

function asBbox(value: number[] | null): Bbox | null {
	return value && value.length === 4 && value.every(Number.isFinite)
		? [value[0], value[1], value[2], value[3]]
		: null;
}

export async function listRegions(supabase: Client, lang: Language): Promise<RegionSummary[]> {
	// North to south, as the code list orders them (CUT codes do not).
	const result = await supabase.from('regions').select('code,name,roman').order('north_to_south');
	failOnDataError(result, lang, 'listRegions');
	return result.data ?? [];
}

export async function loadRegion(supabase: Client, code: string, lang: Language) {
	if (!isRegionCode(code)) error(404, translate(lang, 'region.notFound', { code }));

	const [region, provinces, communes] = await Promise.all([
		supabase.from('regions').select('code,name,roman,bbox').eq('code', code).maybeSingle(),
		supabase.from('provinces').select('code,name').eq('region_code', code),
		supabase.from('communes').select('code,name,province_code').eq('region_code', code)
	]);
	failOnDataError(region, lang, 'loadRegion.region');
	failOnDataError(provinces, lang, 'loadRegion.provinces');
	failOnDataError(communes, lang, 'loadRegion.communes');
	if (!region.data) error(404, translate(lang, 'region.notFound', { code }));

	return {
		region: { ...region.data, bbox: asBbox(region.data.bbox) },
		provinces: groupCommunesByProvince(provinces.data ?? [], communes.data ?? [])
	};
}

export async function loadProvince(supabase: Client, code: string, lang: Language) {
	if (!/^\d{3}$/.test(code)) error(404, translate(lang, 'province.notFound', { code }));
	const [province, communes] = await Promise.all([
		supabase
			.from('provinces')
			.select('code,name,bbox,region:regions(code,name,roman,bbox)')
			.eq('code', code)
			.maybeSingle(),
		supabase.from('communes').select('code,name,bbox').eq('province_code', code).order('name')
	]);
	failOnDataError(province, lang, 'loadProvince');
	failOnDataError(communes, lang, 'loadProvince.communes');
	if (!province.data) error(404, translate(lang, 'province.notFound', { code }));
	return {
		province: {
			code: province.data.code,
			name: province.data.name,
			// Framed on its mainland comunas: a province's box can span an ocean (Juan Fernández).
			bbox:
				mainFocus(
					(communes.data ?? []).flatMap((c): Bbox[] => {
						const box = asBbox(c.bbox);
						return box ? [box] : [];
					})
				) ?? asBbox(province.data.bbox)
		},
		region: { ...province.data.region, bbox: asBbox(province.data.region.bbox) },
		communes: (communes.data ?? []).map(({ code, name }) => ({ code, name }))
	};
}

export async function loadCommune(supabase: Client, code: string, lang: Language) {
	if (!isCommuneCode(code)) error(404, translate(lang, 'commune.notFound', { code }));

	const commune = await supabase
		.from('communes')
		.select('code,name,bbox,province:provinces(code,name),region:regions(code,name,roman)')
		.eq('code', code)
		.maybeSingle();
	failOnDataError(commune, lang, 'loadCommune');
	if (!commune.data) error(404, translate(lang, 'commune.notFound', { code }));

	const { province, region } = commune.data;
	const siblings = await supabase
		.from('communes')
		.select('code,name')
		.eq('province_code', province.code)
		.neq('code', code);
	failOnDataError(siblings, lang, 'loadCommune.siblings');

	const spanish = new Intl.Collator('es', { sensitivity: 'base' });
	return {
		commune: {
			code: commune.data.code,
			name: commune.data.name,
			// Null exactly when the comuna has no polygon (Antártica, 12202, in the BCN source).
			bbox: asBbox(commune.data.bbox)
		},
		province,
		region,
		siblings: (siblings.data ?? []).sort((a, b) => spanish.compare(a.name, b.name))
	};
}
