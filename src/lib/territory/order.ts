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
			throw new Error(
				`La comuna ${commune.code} pertenece a una provincia desconocida (${commune.province_code})`
			);
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
