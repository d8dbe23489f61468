import type { DashboardSummary } from '$lib/dashboard/summary';
import { Constants, type Database } from '$lib/database.types';
import { formatClp, formatMonth, formatNumber, formatPercent } from '$lib/format';
import { translate, type Language, type MessageKey } from '$lib/i18n';
import { enumLabel } from '$lib/i18n/enums';
import type { BarChartModel, TableCell } from './model';
import { LATE, NEUTRAL, OKABE_ITO, VIRIDIS_7 } from './palette';
import type { ChartSelection } from './selection';

/*
 * Dataset builders: a slice of the dashboard summary in, a whole bar chart out (Chart.js data, the
 * accessible table, the filter each bar stands for). Pure, so a filter change costs one pass over a
 * few dozen rows and the component only hands the result to Chart.js.
 */

type Enums = Database['public']['Enums'];
type AreaLevel = DashboardSummary['by_area'][number]['level'];

const count = (value: number, language: Language): TableCell => ({ text: formatNumber(value, language) });
const clp = (value: number, language: Language): TableCell => ({ text: formatClp(value, language) });

const AREA_COLUMN: Record<AreaLevel, MessageKey> = {
	region: 'charts.column.region',
	province: 'charts.column.province',
	commune: 'charts.column.commune'
};

/** Investment by region, province or comuna: horizontal bars, largest first. */
export function investmentByArea(
	rows: DashboardSummary['by_area'],
	level: AreaLevel,
	language: Language
): BarChartModel {
	const collator = new Intl.Collator(language);
	const sorted = [...rows].sort(
		(a, b) => b.investment_clp - a.investment_clp || collator.compare(a.name, b.name)
	);
	const keys: ChartSelection[] = sorted.map((r) => ({ field: 'place', level: r.level, code: r.code }));
	const investment = translate(language, 'charts.column.investment');
	return {
		orientation: 'horizontal',
		stacked: false,
		format: 'clp',
		data: {
			labels: sorted.map((r) => r.name),
			datasets: [
				{
					label: investment,
					data: sorted.map((r) => r.investment_clp),
					backgroundColor: OKABE_ITO.blue
				}
			]
		},
		keys: [keys],
		table: {
			columns: [
				{ label: translate(language, AREA_COLUMN[level]), numeric: false },
				{ label: investment, numeric: true },
				{ label: translate(language, 'charts.column.projects'), numeric: true }
			],
			rows: sorted.map((r, i) => ({
				header: r.name,
				cells: [clp(r.investment_clp, language), count(r.projects, language)],
				key: keys[i]
			}))
		}
	};
}

const STATUS_COLOURS: Record<Enums['project_status'], string> = {
	planned: OKABE_ITO.skyBlue,
	in_progress: OKABE_ITO.blue,
	// Halted is a warning, not lateness: orange, never the vermillion kept for overdue.
	halted: OKABE_ITO.orange,
	completed: OKABE_ITO.bluishGreen,
	cancelled: NEUTRAL
};

/**
 * One bar per enum value in the schema's order (stages are a sequence, statuses a fixed set), zero
 * included, so bars keep their place and colour as filters change.
 */
function projectsByCode<F extends 'stages' | 'statuses'>(
	field: F,
	codes: readonly NonNullable<Extract<ChartSelection, { field: F }>['value']>[],
	counts: Map<string, { projects: number; investment_clp: number }>,
	colours: string[],
	columnKey: MessageKey,
	language: Language
): BarChartModel {
	const type = field === 'stages' ? 'project_stage' : 'project_status';
	const labels = codes.map((code) => enumLabel(language, type, code));
	const keys = codes.map((value) => ({ field, value }) as ChartSelection);
	const projects = translate(language, 'charts.column.projects');
	return {
		orientation: 'vertical',
		stacked: false,
		format: 'count',
		data: {
			labels,
			datasets: [
				{
					label: projects,
					data: codes.map((code) => counts.get(code)?.projects ?? 0),
					backgroundColor: colours
				}
			]
		},
		keys: [keys],
		table: {
			columns: [
				{ label: translate(language, columnKey), numeric: false },
				{ label: projects, numeric: true },
				{ label: translate(language, 'charts.column.investment'), numeric: true }
			],
			rows: codes.map((code, i) => ({
				header: labels[i],
				cells: [
					count(counts.get(code)?.projects ?? 0, language),
					clp(counts.get(code)?.investment_clp ?? 0, language)
				],
				key: keys[i]
			}))
		}
	};
}

export function projectsByStage(rows: DashboardSummary['by_stage'], language: Language): BarChartModel {
	const stages = Constants.public.Enums.project_stage;
	return projectsByCode(
		'stages',
		stages,
		new Map(rows.map((r) => [r.stage, r])),
		stages.map((_, i) => VIRIDIS_7[i % VIRIDIS_7.length]),
		'charts.column.stage',
		language
	);
}

export function projectsByStatus(rows: DashboardSummary['by_status'], language: Language): BarChartModel {
	const statuses = Constants.public.Enums.project_status;
	return projectsByCode(
		'statuses',
		statuses,
		new Map(rows.map((r) => [r.status, r])),
		statuses.map((status) => STATUS_COLOURS[status]),
		'charts.column.status',
		language
	);
}

/** Every month from the first to the last row, so a month without rows shows as a gap, not skipped. */
export function monthRange(months: string[]): string[] {
	if (months.length === 0) return [];
	const sorted = [...months].sort();
	const [firstYear, firstMonth] = sorted[0].split('-').map(Number);
	const [lastYear, lastMonth] = sorted[sorted.length - 1].split('-').map(Number);
	const range: string[] = [];
	for (let i = firstYear * 12 + firstMonth - 1; i <= lastYear * 12 + lastMonth - 1; i++) {
		range.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
	}
	return range;
}

function byMonth<R extends { month: string }>(
	rows: R[],
	language: Language
): { months: string[]; labels: string[]; at: (month: string) => R | undefined } {
	const index = new Map(rows.map((r) => [r.month, r]));
	const months = monthRange(rows.map((r) => r.month));
	return { months, labels: months.map((m) => formatMonth(m, language)), at: (month) => index.get(month) };
}

const COMMITMENT_COLOURS: Record<Enums['commitment_status'], string> = {
	pending: OKABE_ITO.skyBlue,
	in_progress: OKABE_ITO.blue,
	fulfilled: OKABE_ITO.bluishGreen,
	cancelled: NEUTRAL
};

/**
 * Commitments by due month, stacked by status. Overdue commitments are pending or in progress ones
 * already counted in those stacks, so they get a bar of their own beside the stack (hatched
 * vermillion) instead of being stacked on top, which would count them twice.
 */
export function commitmentsByMonth(
	rows: DashboardSummary['commitments_by_month'],
	language: Language
): BarChartModel {
	const { months, labels, at } = byMonth(rows, language);
	const statuses = Constants.public.Enums.commitment_status;
	const series: { value: Enums['commitment_status'] | 'overdue'; label: string }[] = [
		...statuses.map((status) => ({
			value: status,
			label: enumLabel(language, 'commitment_status', status)
		})),
		{ value: 'overdue', label: translate(language, 'charts.series.overdue') }
	];
	return {
		orientation: 'vertical',
		stacked: true,
		format: 'count',
		data: {
			labels,
			datasets: series.map(({ value, label }) => ({
				label,
				data: months.map((m) => at(m)?.[value] ?? 0),
				stack: value === 'overdue' ? 'overdue' : 'status',
				backgroundColor: value === 'overdue' ? LATE : COMMITMENT_COLOURS[value],
				...(value === 'overdue' ? { hatched: true } : {})
			}))
		},
		keys: series.map(({ value }) => months.map(() => ({ field: 'commitmentStatus', value }))),
		table: {
			columns: [
				{ label: translate(language, 'charts.column.month'), numeric: false },
				...series.map(({ label }) => ({ label, numeric: true }))
			],
			rows: months.map((m, i) => ({
				header: labels[i],
				cells: series.map(({ value }) => count(at(m)?.[value] ?? 0, language)),
				key: null
			}))
		}
	};
}

/** Flow deliveries due each month: on time, late (hatched vermillion), not delivered. */
export function deliveriesByMonth(
	rows: DashboardSummary['deliveries_by_month'],
	language: Language
): BarChartModel {
	const { months, labels, at } = byMonth(rows, language);
	const series = [
		{
			value: 'on_time',
			label: translate(language, 'charts.series.onTime'),
			colour: OKABE_ITO.bluishGreen
		},
		{ value: 'late', label: translate(language, 'charts.series.late'), colour: LATE, hatched: true },
		{ value: 'missing', label: translate(language, 'charts.series.missing'), colour: NEUTRAL }
	] as const;
	const punctuality = (m: string): TableCell => {
		const row = at(m);
		const due = row ? row.on_time + row.late + row.missing : 0;
		return { text: due === 0 ? '—' : formatPercent(row!.on_time / due, language) };
	};
	return {
		orientation: 'vertical',
		stacked: true,
		format: 'count',
		data: {
			labels,
			datasets: series.map((s) => ({
				label: s.label,
				data: months.map((m) => at(m)?.[s.value] ?? 0),
				backgroundColor: s.colour,
				...('hatched' in s ? { hatched: true } : {})
			}))
		},
		// No filter field names a delivery outcome or a month: these bars select nothing.
		keys: series.map(() => months.map(() => null)),
		table: {
			columns: [
				{ label: translate(language, 'charts.column.month'), numeric: false },
				...series.map((s) => ({ label: s.label, numeric: true })),
				{ label: translate(language, 'charts.column.punctuality'), numeric: true }
			],
			rows: months.map((m, i) => ({
				header: labels[i],
				cells: [...series.map((s) => count(at(m)?.[s.value] ?? 0, language)), punctuality(m)],
				key: null
			}))
		}
	};
}
