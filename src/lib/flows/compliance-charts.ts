import type { BarChartModel, TableCell } from '$lib/charts/model';
import { LATE, NEUTRAL, OKABE_ITO } from '$lib/charts/palette';
import { formatNumber, formatPercent } from '$lib/format';
import { translate, type Language } from '$lib/i18n';
import { onTimeRate, receiptRate, type ComplianceTally } from './compliance';

const percent = (value: number | null, language: Language): TableCell => ({
	text: value === null ? '—' : formatPercent(value, language)
});

/**
 * The national comparison: one horizontal stacked bar per region (on time, late hatched in
 * vermillion, missing), with the on-time and receipt rates in the table.
 */
export function regionComparison(
	rows: readonly { label: string; tally: ComplianceTally }[],
	language: Language
): BarChartModel {
	const series = [
		{ key: 'onTime', label: translate(language, 'charts.series.onTime'), colour: OKABE_ITO.bluishGreen },
		{ key: 'late', label: translate(language, 'charts.series.late'), colour: LATE, hatched: true },
		{ key: 'missing', label: translate(language, 'charts.series.missing'), colour: NEUTRAL }
	] as const;
	return {
		orientation: 'horizontal',
		stacked: true,
		format: 'count',
		data: {
			labels: rows.map((r) => r.label),
			datasets: series.map((s) => ({
				label: s.label,
				data: rows.map((r) => r.tally[s.key]),
				backgroundColor: s.colour,
				...('hatched' in s ? { hatched: true } : {})
			}))
		},
		keys: series.map(() => rows.map(() => null)),
		table: {
			columns: [
				{ label: translate(language, 'charts.column.region'), numeric: false },
				...series.map((s) => ({ label: s.label, numeric: true })),
				{ label: translate(language, 'charts.column.punctuality'), numeric: true },
				{ label: translate(language, 'flows.compliance.receiptRate'), numeric: true }
			],
			rows: rows.map((r) => ({
				header: r.label,
				cells: [
					...series.map((s) => ({ text: formatNumber(r.tally[s.key], language) })),
					percent(onTimeRate(r.tally), language),
					percent(receiptRate(r.tally), language)
				],
				key: null
			}))
		}
	};
}
