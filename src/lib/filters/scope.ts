import type { DashboardFilter } from './filter';
import type { FilterNotice, ParsedFilter } from './url';

/** The place a page is about, from its path: /region/05, /provincia/051, /comuna/05109. */
export type PagePlace =
	| { level: 'country' }
	| { level: 'region'; code: string }
	| { level: 'province'; code: string }
	| { level: 'commune'; code: string };

/**
 * The URL's filter inside the page's place. The path wins: a region, province or comuna in the query
 * that lies outside the place is dropped with a notice (a link edited by hand, or copied from another
 * page), never silently widened.
 */
export function scopeToPlace({ filter, notices }: ParsedFilter, place: PagePlace): ParsedFilter {
	if (place.level === 'country') return { filter, notices };
	const kept: FilterNotice[] = [...notices];
	const next: DashboardFilter = { ...filter };
	const region = place.code.slice(0, 2);
	if (next.region && next.region !== region)
		kept.push({ param: 'region', value: next.region, reason: 'outOfScope' });
	next.region = region;
	if (place.level === 'province') {
		if (next.province && next.province !== place.code)
			kept.push({ param: 'provincia', value: next.province, reason: 'outOfScope' });
		next.province = place.code;
	} else if (next.province && !next.province.startsWith(region)) {
		kept.push({ param: 'provincia', value: next.province, reason: 'outOfScope' });
		delete next.province;
	}
	if (place.level === 'commune') {
		for (const code of next.communes ?? [])
			if (code !== place.code) kept.push({ param: 'comuna', value: code, reason: 'outOfScope' });
		next.communes = [place.code];
		delete next.province;
	} else if (next.communes) {
		const prefix = next.province ?? region;
		const inside = next.communes.filter((code) => code.startsWith(prefix));
		for (const code of next.communes)
			if (!code.startsWith(prefix)) kept.push({ param: 'comuna', value: code, reason: 'outOfScope' });
		if (inside.length) next.communes = inside;
		else delete next.communes;
	}
	return { filter: next, notices: kept };
}

/** The filter fields a page's place fixes (no chip, no control for them). */
export function fixedFields(place: PagePlace): (keyof DashboardFilter)[] {
	if (place.level === 'region') return ['region'];
	if (place.level === 'province') return ['region', 'province'];
	if (place.level === 'commune') return ['region', 'province', 'communes'];
	return [];
}
