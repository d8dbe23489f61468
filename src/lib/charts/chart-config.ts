import type { ChartData, ChartOptions, TooltipItem } from 'chart.js';
import { formatClp, formatClpCompact, formatNumber } from '$lib/format';
import { LOCALES, type Language } from '$lib/i18n';
import type { BarChartModel, ValueFormat } from './model';

/** Turns a colour into the striped fill of hatched series; without a canvas (tests) the colour stays. */
export type PatternMaker = (colour: string) => CanvasPattern | string;

export interface ConfigOptions {
	reducedMotion: boolean;
	pattern?: PatternMaker;
}

/** Axis ticks abbreviate (`$ 12.500 M`); tooltips and tables give the full figure. */
export function formatTick(value: number, format: ValueFormat, language: Language): string {
	return format === 'clp' ? formatClpCompact(value, language) : formatNumber(value, language);
}

export function formatFull(value: number, format: ValueFormat, language: Language): string {
	return format === 'clp' ? formatClp(value, language) : formatNumber(value, language);
}

/**
 * The Chart.js data and options of a model. Built anew on every change and assigned to the live
 * chart (`chart.data = …; chart.options = …; chart.update('none')`), never by recreating the chart.
 */
export function barChartConfig(
	model: BarChartModel,
	language: Language,
	{ reducedMotion, pattern }: ConfigOptions
): { data: ChartData<'bar', number[], string>; options: ChartOptions<'bar'> } {
	const horizontal = model.orientation === 'horizontal';
	const valueAxis = horizontal ? 'x' : 'y';
	const categoryAxis = horizontal ? 'y' : 'x';
	const datasets = model.data.datasets.map(({ hatched, backgroundColor, ...dataset }) => ({
		...dataset,
		backgroundColor:
			hatched && pattern && typeof backgroundColor === 'string'
				? pattern(backgroundColor)
				: backgroundColor,
		borderColor: backgroundColor,
		borderWidth: hatched ? 1 : 0
	}));
	return {
		data: { labels: [...model.data.labels], datasets },
		options: {
			indexAxis: categoryAxis,
			locale: LOCALES[language],
			responsive: true,
			maintainAspectRatio: false,
			animation: reducedMotion ? false : { duration: 250 },
			scales: {
				[valueAxis]: {
					stacked: model.stacked,
					beginAtZero: true,
					ticks: {
						precision: 0,
						callback: (value: number | string) =>
							formatTick(Number(value), model.format, language)
					}
				},
				[categoryAxis]: { stacked: model.stacked, grid: { display: false } }
			},
			plugins: {
				legend: { display: datasets.length > 1, position: 'bottom' },
				tooltip: {
					callbacks: {
						label: (item: TooltipItem<'bar'>) =>
							`${item.dataset.label ?? ''}: ${formatFull(item.parsed[valueAxis] ?? 0, model.format, language)}`
					}
				}
			}
		}
	};
}

/**
 * What the options depend on. Assigning new options makes Chart.js drop every cached option
 * resolver, so the wrapper assigns them only when this changes (a language switch), not per filter.
 */
export function optionsKey(model: BarChartModel, language: Language, reducedMotion: boolean): string {
	return [
		language,
		model.orientation,
		model.stacked,
		model.format,
		model.data.datasets.length,
		reducedMotion
	].join('|');
}

/**
 * Copies `next` into the live chart's data objects, as Chart.js's guide to updating charts does, so
 * its per-dataset caches survive a filter change. False when the series differ in number and the
 * data must be replaced instead.
 */
export function patchChartData(
	live: ChartData<'bar', number[], string>,
	next: ChartData<'bar', number[], string>
): boolean {
	if (live.datasets.length !== next.datasets.length) return false;
	live.labels = next.labels;
	next.datasets.forEach((dataset, i) => Object.assign(live.datasets[i], dataset));
	return true;
}
