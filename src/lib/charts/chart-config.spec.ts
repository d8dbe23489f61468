import type { TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { barChartConfig, formatTick, optionsKey, patchChartData } from './chart-config';
import { commitmentsByMonth, investmentByArea } from './datasets';

const area = investmentByArea(
	[
		{ level: 'commune', code: '13101', name: 'Santiago', projects: 2, investment_clp: 12_500_000_000 },
		{ level: 'commune', code: '13102', name: 'Cerrillos', projects: 1, investment_clp: 2_345_000 }
	],
	'commune',
	'es'
);

type Callback = (value: number | string) => string;
type LabelCallback = (item: TooltipItem<'bar'>) => string;

describe('Chart.js config of a bar model', () => {
	it('puts horizontal bars on the y axis and formats pesos the Chilean way', () => {
		const { options } = barChartConfig(area, 'es', { reducedMotion: false });
		expect(options.indexAxis).toBe('y');
		expect(options.locale).toBe('es-CL');
		const tick = (options.scales?.x?.ticks as { callback: Callback }).callback;
		expect(tick(12_500_000_000)).toBe('$ 12.500 M');
		expect(tick(500_000)).toBe('$ 500.000');
	});
	it('gives the full figure in the tooltip', () => {
		const { options } = barChartConfig(area, 'es', { reducedMotion: false });
		const label = (options.plugins?.tooltip?.callbacks as { label: LabelCallback }).label;
		const item = { dataset: { label: 'Inversión' }, parsed: { x: 12_500_000_000, y: 0 } };
		expect(label(item as unknown as TooltipItem<'bar'>)).toBe('Inversión: $ 12.500.000.000');
	});
	it('does not animate for people who asked for reduced motion', () => {
		expect(barChartConfig(area, 'es', { reducedMotion: true }).options.animation).toBe(false);
		expect(barChartConfig(area, 'es', { reducedMotion: false }).options.animation).toEqual({
			duration: 250
		});
	});
	it('stacks both axes of a stacked model and shows its legend', () => {
		const model = commitmentsByMonth(
			[{ month: '2026-11', pending: 1, in_progress: 1, fulfilled: 0, cancelled: 0, overdue: 1 }],
			'es'
		);
		const { options, data } = barChartConfig(model, 'es', { reducedMotion: false });
		expect(options.indexAxis).toBe('x');
		expect(options.scales?.x?.stacked).toBe(true);
		expect(options.scales?.y?.stacked).toBe(true);
		expect(options.plugins?.legend?.display).toBe(true);
		expect(data.datasets.map((d) => d.stack)).toEqual([
			'status',
			'status',
			'status',
			'status',
			'overdue'
		]);
	});
	it('fills hatched series with the pattern and keeps the colour on their border', () => {
		const model = commitmentsByMonth(
			[{ month: '2026-11', pending: 1, in_progress: 0, fulfilled: 0, cancelled: 0, overdue: 1 }],
			'es'
		);
		const { data } = barChartConfig(model, 'es', {
			reducedMotion: false,
			pattern: (colour) => `stripes(${colour})`
		});
		expect(data.datasets[0].backgroundColor).toBe('#56b4e9');
		expect(data.datasets[4].backgroundColor).toBe('stripes(#d55e00)');
		expect(data.datasets[4].borderColor).toBe('#d55e00');
		expect('hatched' in data.datasets[4]).toBe(false);
	});
	it('counts without decimals in English too', () => {
		expect(formatTick(1234, 'count', 'en')).toBe('1,234');
		expect(formatTick(1234, 'count', 'es')).toBe('1.234');
	});
});

describe('updating a live chart', () => {
	const model = (santiago: number) =>
		investmentByArea(
			[{ level: 'commune', code: '13101', name: 'Santiago', projects: 1, investment_clp: santiago }],
			'commune',
			'es'
		);

	it('patches the data objects Chart.js already holds', () => {
		const live = barChartConfig(model(1), 'es', { reducedMotion: false }).data;
		const dataset = live.datasets[0];
		const next = barChartConfig(model(2), 'es', { reducedMotion: false }).data;
		expect(patchChartData(live, next)).toBe(true);
		expect(live.datasets[0]).toBe(dataset);
		expect(dataset.data).toEqual([2]);
		expect(live.labels).toEqual(['Santiago']);
	});
	it('refuses to patch when the number of series changed', () => {
		const live = barChartConfig(model(1), 'es', { reducedMotion: false }).data;
		const next = barChartConfig(
			commitmentsByMonth(
				[{ month: '2026-11', pending: 1, in_progress: 0, fulfilled: 0, cancelled: 0, overdue: 0 }],
				'es'
			),
			'es',
			{ reducedMotion: false }
		).data;
		expect(patchChartData(live, next)).toBe(false);
		expect(live.datasets).toHaveLength(1);
	});
	it('keeps the options for a data change and renews them for a language or motion change', () => {
		expect(optionsKey(model(1), 'es', false)).toBe(optionsKey(model(2), 'es', false));
		expect(optionsKey(model(1), 'es', false)).not.toBe(optionsKey(model(1), 'en', false));
		expect(optionsKey(model(1), 'es', false)).not.toBe(optionsKey(model(1), 'es', true));
	});
});
