import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCsvRecords } from './csv.ts';

/**
 * The project's own list of Chile's territorial codes (CUT) with official names
 * (data/territory/*.csv). Every boundary source is checked against it, and every name the
 * pipeline writes comes from it.
 */
export interface Region {
	code: string; // 2 digits, e.g. '05'
	roman: string; // 'V', 'RM', 'XVI'…
	name: string;
	/** Position from north (1, Arica y Parinacota) to south: CUT codes predate the newer regions. */
	north_to_south: string;
}
export interface Province {
	code: string; // 3 digits, e.g. '051'
	region_code: string;
	name: string;
}
export interface Commune {
	code: string; // 5 digits, e.g. '05101'
	province_code: string;
	region_code: string;
	name: string;
}
export interface CodeList {
	regions: Region[];
	provinces: Province[];
	communes: Commune[];
}

export const CODE_LIST_FILES = ['regions.csv', 'provinces.csv', 'communes.csv'] as const;

/** Antártica is a comuna with no polygon in any comunal boundary source. */
export const COMMUNES_WITHOUT_POLYGON: ReadonlySet<string> = new Set(['12202']);

/**
 * A comuna code as the 5-character CUT text. Sources often store it as an integer, which drops
 * the leading zero of regions 01–09 (5101 → '05101').
 */
export function normaliseCommuneCode(value: unknown): string {
	const text =
		typeof value === 'number' ? (Number.isInteger(value) ? String(value) : '') : typeof value === 'string' ? value : '';
	const trimmed = text.trim();
	if (!/^\d{1,5}$/.test(trimmed)) {
		throw new Error(`Not a comuna code: ${JSON.stringify(value)}`);
	}
	return trimmed.padStart(5, '0');
}

export async function readCodeList(directory: string): Promise<{ list: CodeList; texts: string[] }> {
	const texts = await Promise.all(CODE_LIST_FILES.map((file) => readFile(join(directory, file), 'utf8')));
	return { list: parseCodeList(texts[0], texts[1], texts[2]), texts };
}

export function parseCodeList(regionsCsv: string, provincesCsv: string, communesCsv: string): CodeList {
	const pick = <K extends string>(rows: Record<string, string>[], keys: K[], file: string) =>
		rows.map((row, index) => {
			for (const key of keys) {
				if (row[key] === undefined) throw new Error(`${file}: missing column "${key}"`);
				if (row[key] !== row[key].trim() || row[key] === '') {
					throw new Error(`${file}: line ${index + 2}, column "${key}" is empty or padded`);
				}
			}
			return Object.fromEntries(keys.map((key) => [key, row[key]])) as Record<K, string>;
		});
	return {
		regions: pick(parseCsvRecords(regionsCsv, 'regions.csv'), ['code', 'roman', 'name', 'north_to_south'], 'regions.csv'),
		provinces: pick(
			parseCsvRecords(provincesCsv, 'provinces.csv'),
			['code', 'region_code', 'name'],
			'provinces.csv'
		),
		communes: pick(
			parseCsvRecords(communesCsv, 'communes.csv'),
			['code', 'province_code', 'region_code', 'name'],
			'communes.csv'
		)
	};
}

/** Everything wrong with a code list, as readable lines; empty when it is sound. */
export function codeListProblems(list: CodeList): string[] {
	const problems: string[] = [];
	const duplicates = (codes: string[]) => codes.filter((code, i) => codes.indexOf(code) !== i);

	for (const [label, codes] of [
		['region', list.regions.map((r) => r.code)],
		['province', list.provinces.map((p) => p.code)],
		['commune', list.communes.map((c) => c.code)]
	] as const) {
		for (const code of duplicates(codes)) problems.push(`duplicate ${label} code ${code}`);
	}

	const regionCodes = new Set(list.regions.map((r) => r.code));
	const provinceRegion = new Map(list.provinces.map((p) => [p.code, p.region_code]));

	for (const region of list.regions) {
		if (!/^\d{2}$/.test(region.code)) problems.push(`region code ${region.code} is not 2 digits`);
		if (!/^([IVX]+|RM)$/.test(region.roman)) problems.push(`region ${region.code}: bad roman "${region.roman}"`);
	}
	for (const roman of duplicates(list.regions.map((r) => r.roman))) problems.push(`duplicate roman ${roman}`);
	const positions = list.regions.map((r) => Number(r.north_to_south)).sort((a, b) => a - b);
	if (positions.some((position, index) => position !== index + 1)) {
		problems.push(`north_to_south must number the regions 1 to ${list.regions.length}, each once`);
	}

	for (const province of list.provinces) {
		if (!/^\d{3}$/.test(province.code)) problems.push(`province code ${province.code} is not 3 digits`);
		if (!regionCodes.has(province.region_code)) {
			problems.push(`province ${province.code}: unknown region ${province.region_code}`);
		}
		if (province.code.slice(0, 2) !== province.region_code) {
			problems.push(`province ${province.code} is not under its region ${province.region_code}`);
		}
	}

	for (const commune of list.communes) {
		if (!/^\d{5}$/.test(commune.code)) problems.push(`commune code ${commune.code} is not 5 digits`);
		if (!provinceRegion.has(commune.province_code)) {
			problems.push(`commune ${commune.code}: unknown province ${commune.province_code}`);
		}
		if (commune.code.slice(0, 3) !== commune.province_code) {
			problems.push(`commune ${commune.code} is not under its province ${commune.province_code}`);
		}
		if (commune.code.slice(0, 2) !== commune.region_code) {
			problems.push(`commune ${commune.code} is not under its region ${commune.region_code}`);
		}
		if (provinceRegion.has(commune.province_code) && provinceRegion.get(commune.province_code) !== commune.region_code) {
			problems.push(`commune ${commune.code}: region ${commune.region_code} differs from its province's`);
		}
	}

	const provincesWithCommunes = new Set(list.communes.map((c) => c.province_code));
	for (const province of list.provinces) {
		if (!provincesWithCommunes.has(province.code)) problems.push(`province ${province.code} has no comunas`);
	}
	const regionsWithProvinces = new Set(list.provinces.map((p) => p.region_code));
	for (const region of list.regions) {
		if (!regionsWithProvinces.has(region.code)) problems.push(`region ${region.code} has no provinces`);
	}

	// Names: unique where a person would pick from a list (comunas of one province, provinces of
	// one region, regions), and written in NFC so that equal-looking names compare equal.
	const checkUnique = (label: string, groups: Map<string, string[]>) => {
		for (const [group, names] of groups) {
			for (const name of duplicates(names)) problems.push(`duplicate ${label} name "${name}" in ${group}`);
		}
	};
	const groupBy = <T>(items: T[], key: (item: T) => string, value: (item: T) => string) => {
		const groups = new Map<string, string[]>();
		for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), value(item)]);
		return groups;
	};
	checkUnique('region', groupBy(list.regions, () => 'Chile', (r) => r.name));
	checkUnique('province', groupBy(list.provinces, (p) => `region ${p.region_code}`, (p) => p.name));
	checkUnique('commune', groupBy(list.communes, (c) => `province ${c.province_code}`, (c) => c.name));
	for (const { name } of [...list.regions, ...list.provinces, ...list.communes]) {
		if (name.normalize('NFC') !== name) problems.push(`name "${name}" is not in Unicode NFC`);
		if (/\s{2,}/.test(name)) problems.push(`name "${name}" has repeated spaces`);
	}
	return problems;
}
