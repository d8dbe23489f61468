import type { Database } from '$lib/database.types';
import { filterQuery } from '$lib/filters/url';

type QualityFlag = Database['public']['Enums']['quality_flag'];

/** The flags in the order the data-quality page shows them (the schema's order). */
export const QUALITY_FLAGS: readonly QualityFlag[] = [
	'missing_bip',
	'duplicate_bip',
	'far_from_declared_commune',
	'point_for_linear_work',
	'investment_outlier',
	'stale',
	'commitment_unlocated'
];

export interface QualityRow {
	/** null: the whole country. */
	code: string | null;
	name: string;
	counts: Record<QualityFlag, number>;
	total: number;
}

const zero = () => Object.fromEntries(QUALITY_FLAGS.map((flag) => [flag, 0])) as Record<QualityFlag, number>;

/**
 * One row per region in the given order (regions without flags too, with zeros), then the whole
 * country. A row's total adds its cells: a project with two flags counts twice there.
 */
export function qualityTable(
	counts: { region_code: string | null; flag: QualityFlag; items: number }[],
	regions: { code: string; name: string }[],
	countryName: string
): QualityRow[] {
	const rows: QualityRow[] = [
		...regions.map((r) => ({ code: r.code, name: r.name, counts: zero(), total: 0 })),
		{ code: null, name: countryName, counts: zero(), total: 0 }
	];
	const byCode = new Map(rows.map((row) => [row.code, row]));
	for (const { region_code, flag, items } of counts) {
		const row = byCode.get(region_code);
		if (!row) continue;
		row.counts[flag] += items;
		row.total += items;
	}
	return rows;
}

/** Where a count leads: the flagged projects on the projects list, or the commitments below. */
export function qualityHref(flag: QualityFlag, region: string | null): string {
	if (flag === 'commitment_unlocated')
		return `/calidad${region ? `?region=${region}` : ''}#compromisos-sin-lugar`;
	return `/proyectos${filterQuery({ ...(region ? { region } : {}), quality: [flag] })}`;
}
