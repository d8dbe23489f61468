import type { DashboardFilter } from './filter';

type ListField = 'communes' | 'services' | 'themes' | 'stages' | 'statuses';

/** The filter with some fields replaced; `undefined` or an empty list removes a field. */
export function withFilter(filter: DashboardFilter, patch: Partial<DashboardFilter>): DashboardFilter {
	const next: DashboardFilter = { ...filter, ...patch };
	for (const key of Object.keys(next) as (keyof DashboardFilter)[]) {
		const value = next[key];
		if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
	}
	return next;
}

/** The filter without the fields a page's path already says (its region, province or comuna). */
export function withoutFields(
	filter: DashboardFilter,
	fields: readonly (keyof DashboardFilter)[]
): DashboardFilter {
	const next = { ...filter };
	for (const field of fields) delete next[field];
	return next;
}

/** Adds the value to a list field, or removes it when present (a chart click, a chip's ×). */
export function toggleInList<F extends ListField>(
	filter: DashboardFilter,
	field: F,
	value: NonNullable<DashboardFilter[F]>[number]
): DashboardFilter {
	const current: readonly string[] = filter[field] ?? [];
	const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
	const patch: Partial<Record<ListField, string[]>> = { [field]: next };
	return withFilter(filter, patch as Partial<DashboardFilter>);
}

/** The filter narrowed to a place: a comuna keeps its region and province, a region drops the rest. */
export function withPlace(
	filter: DashboardFilter,
	place: { level: 'region' | 'province' | 'commune'; code: string }
): DashboardFilter {
	if (place.level === 'region')
		return withFilter(filter, { region: place.code, province: undefined, communes: undefined });
	if (place.level === 'province')
		return withFilter(filter, {
			region: place.code.slice(0, 2),
			province: place.code,
			communes: undefined
		});
	return withFilter(filter, { region: place.code.slice(0, 2), communes: [place.code] });
}

/** How many filters are active, for the "limpiar" button and the chip bar. Place fixed by the page excluded. */
export function activeFilterCount(
	filter: DashboardFilter,
	fixed: readonly (keyof DashboardFilter)[] = []
): number {
	return (Object.keys(filter) as (keyof DashboardFilter)[]).filter((k) => !fixed.includes(k)).length;
}
