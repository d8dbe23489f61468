import { withFilter } from './edit';
import type { DashboardFilter } from './filter';

/** One active filter value, with the filter that remains when the reader removes it. */
export interface FilterChip {
	field: keyof DashboardFilter;
	/** The code or value; the component turns it into a label. */
	value: string;
	without: DashboardFilter;
}

const LIST_FIELDS = ['communes', 'services', 'themes', 'stages', 'statuses'] as const;

/** The chips of the filter bar, in URL order; fields the page fixes (its place) have none. */
export function filterChips(
	filter: DashboardFilter,
	fixed: readonly (keyof DashboardFilter)[] = []
): FilterChip[] {
	const chips: FilterChip[] = [];
	const add = (field: keyof DashboardFilter, value: string, without: DashboardFilter) => {
		if (!fixed.includes(field)) chips.push({ field, value, without });
	};
	if (filter.region)
		add(
			'region',
			filter.region,
			withFilter(filter, { region: undefined, province: undefined, communes: undefined })
		);
	if (filter.province)
		add('province', filter.province, withFilter(filter, { province: undefined, communes: undefined }));
	for (const field of LIST_FIELDS) {
		const values: readonly string[] = filter[field] ?? [];
		for (const value of values) {
			const rest = values.filter((v) => v !== value);
			add(field, value, withFilter(filter, { [field]: rest }));
		}
	}
	if (filter.commitmentStatus)
		add('commitmentStatus', filter.commitmentStatus, withFilter(filter, { commitmentStatus: undefined }));
	if (filter.yearFrom !== undefined || filter.yearTo !== undefined)
		add(
			'yearFrom',
			`${filter.yearFrom ?? ''}–${filter.yearTo ?? ''}`,
			withFilter(filter, { yearFrom: undefined, yearTo: undefined })
		);
	if (filter.investmentMin !== undefined || filter.investmentMax !== undefined)
		add(
			'investmentMin',
			`${filter.investmentMin ?? ''}–${filter.investmentMax ?? ''}`,
			withFilter(filter, { investmentMin: undefined, investmentMax: undefined })
		);
	if (filter.text) add('text', filter.text, withFilter(filter, { text: undefined }));
	if (filter.area) add('area', filter.area.kind, withFilter(filter, { area: undefined }));
	if (filter.delayed) add('delayed', '1', withFilter(filter, { delayed: undefined }));
	const flags: readonly string[] = filter.quality ?? [];
	for (const flag of flags)
		add(
			'quality',
			flag,
			withFilter(filter, { quality: flags.filter((f) => f !== flag) as DashboardFilter['quality'] })
		);
	return chips;
}
