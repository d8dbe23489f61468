/**
 * Geographic order of Chile's regions, north to south. The CUT codes are not in that order (they
 * were numbered before regions 14, 15 and 16 were split off), and no geometry-derived key gives it
 * either: Valparaíso's bounding box reaches north to Easter Island. So the order is stated here.
 */
export const REGION_CODES_NORTH_TO_SOUTH = [
	'15', '01', '02', '03', '04', '05', '13', '06', '07', '16', '08', '09', '14', '10', '11', '12'
] as const;

const rank = new Map<string, number>(REGION_CODES_NORTH_TO_SOUTH.map((code, index) => [code, index]));

/** Known regions north to south; an unknown code (should the list ever grow) goes last, by code. */
export function sortRegionsNorthToSouth<T extends { code: string }>(regions: readonly T[]): T[] {
	const position = (code: string) => rank.get(code) ?? REGION_CODES_NORTH_TO_SOUTH.length;
	return [...regions].sort(
		(a, b) => position(a.code) - position(b.code) || a.code.localeCompare(b.code)
	);
}

export interface ProvinceWithCommunes<P, C> {
	province: P;
	communes: C[];
}

const spanish = new Intl.Collator('es', { sensitivity: 'base' });

/**
 * Provinces in CUT order (the capital's province first, as official lists do) and, inside each,
 * comunas alphabetically in Spanish, which is how a person scans for a name. A comuna whose
 * province is not in the list is a data error and is reported, not silently dropped.
 */
export function groupCommunesByProvince<
	P extends { code: string },
	C extends { code: string; name: string; province_code: string }
>(provinces: readonly P[], communes: readonly C[]): ProvinceWithCommunes<P, C>[] {
	const groups = new Map<string, ProvinceWithCommunes<P, C>>();
	for (const province of [...provinces].sort((a, b) => a.code.localeCompare(b.code))) {
		groups.set(province.code, { province, communes: [] });
	}
	for (const commune of communes) {
		const group = groups.get(commune.province_code);
		if (!group) {
			throw new Error(`La comuna ${commune.code} pertenece a una provincia desconocida (${commune.province_code})`);
		}
		group.communes.push(commune);
	}
	for (const group of groups.values()) {
		group.communes.sort((a, b) => spanish.compare(a.name, b.name) || a.code.localeCompare(b.code));
	}
	return [...groups.values()];
}

const REGION_CODE = /^[0-9]{2}$/;
const COMMUNE_CODE = /^[0-9]{5}$/;

export const isRegionCode = (value: string) => REGION_CODE.test(value);
export const isCommuneCode = (value: string) => COMMUNE_CODE.test(value);
