import type { ChartDataset } from 'chart.js';
import type { ChartSelection } from './selection';

/**
 * A bar series as Chart.js takes it (one colour, or one per bar), plus `hatched`: drawn with stripes,
 * the non-colour cue of late and overdue series.
 */
export interface BarDataset extends Pick<ChartDataset<'bar', number[]>, 'label' | 'data' | 'stack'> {
	label: string;
	backgroundColor: string | string[];
	hatched?: boolean;
}

/** How the value axis, the tooltips and the table write a number. */
export type ValueFormat = 'count' | 'clp';

export interface TableCell {
	text: string;
	/** The full figure when `text` is abbreviated. */
	title?: string;
}

/** The same numbers as the chart, for screen readers and for anyone who prefers a table. */
export interface ChartTable {
	/** The first column heads the row headers (a province, a month). */
	columns: { label: string; numeric: boolean }[];
	rows: { header: string; cells: TableCell[]; key: ChartSelection | null }[];
}

/** What a dataset builder returns: everything one bar chart needs, computed without touching the DOM. */
export interface BarChartModel {
	orientation: 'vertical' | 'horizontal';
	stacked: boolean;
	format: ValueFormat;
	data: { labels: string[]; datasets: BarDataset[] };
	/** `keys[dataset][index]`: what clicking that bar selects (null: nothing, e.g. a month). */
	keys: (ChartSelection | null)[][];
	table: ChartTable;
}

export function keyAt(model: BarChartModel, datasetIndex: number, index: number): ChartSelection | null {
	return model.keys[datasetIndex]?.[index] ?? null;
}

export function isEmptyModel(model: BarChartModel): boolean {
	return model.data.datasets.every((dataset) => dataset.data.every((value) => value === 0));
}
