import { flushSync, mount, tick, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import BarChart from './BarChart.svelte';
import { investmentByArea, projectsByStage } from './datasets';
import type { BarChartModel } from './model';
import type { ChartSelection } from './selection';

// Chart.js needs a real 2D canvas, which happy-dom lacks; what the wrapper promises is how it drives
// Chart.js (create once, update in place, destroy on unmount), so a recording stand-in is enough.
const charts = vi.hoisted(() => ({ created: [] as FakeChartLike[] }));
interface FakeChartLike {
	data: unknown;
	options: { onClick?: (event: unknown, elements: { datasetIndex: number; index: number }[]) => void };
	updates: (string | undefined)[];
	destroyed: boolean;
}
vi.mock('./chartjs-bar', () => ({
	Chart: class {
		data: unknown;
		options: FakeChartLike['options'];
		updates: (string | undefined)[] = [];
		destroyed = false;
		constructor(
			_canvas: HTMLCanvasElement,
			config: { data: unknown; options: FakeChartLike['options'] }
		) {
			this.data = config.data;
			this.options = config.options;
			charts.created.push(this);
		}
		update(mode?: string) {
			this.updates.push(mode);
		}
		destroy() {
			this.destroyed = true;
		}
	}
}));

const rows = (santiago: number) => [
	{ level: 'province' as const, code: '131', name: 'Santiago', projects: 40, investment_clp: santiago },
	{ level: 'province' as const, code: '132', name: 'Cordillera', projects: 7, investment_clp: 2_345_000 }
];

let target: HTMLElement;
beforeEach(() => {
	charts.created.length = 0;
	target = document.createElement('div');
	document.body.append(target);
});
afterEach(() => target.remove());

/** Lets the dynamic import of Chart.js settle and the chart be created. */
async function settle() {
	await vi.dynamicImportSettled();
	await tick();
	flushSync();
}

describe('BarChart', () => {
	it('creates the chart once and then swaps its data in place, without animation', async () => {
		const props = $state({
			model: investmentByArea(rows(12_500_000_000), 'province', 'es'),
			title: 'Inversión'
		});
		const component = mount(BarChart, { target, props });
		await settle();
		expect(charts.created).toHaveLength(1);
		const [chart] = charts.created;
		expect((chart.data as { datasets: { data: number[] }[] }).datasets[0].data).toEqual([
			12_500_000_000, 2_345_000
		]);

		props.model = investmentByArea(rows(5_000_000), 'province', 'es');
		flushSync();
		props.model = investmentByArea(rows(1_000_000), 'province', 'es');
		flushSync();
		// The redraw waits for a task of its own, and two quick changes cost one redraw.
		expect(chart.updates).toEqual([]);
		await new Promise((resolve) => setTimeout(resolve));
		expect(charts.created).toHaveLength(1);
		expect(chart.updates).toEqual(['none']);
		expect((chart.data as { labels: string[] }).labels).toEqual(['Cordillera', 'Santiago']);

		await unmount(component);
		expect(chart.destroyed).toBe(true);
	});

	it('names the canvas as an image and keeps the same numbers in a table, shown on demand', async () => {
		const component = mount(BarChart, {
			target,
			props: {
				model: investmentByArea(rows(12_500_000_000), 'province', 'es'),
				title: 'Inversión por provincia'
			}
		});
		await settle();
		const canvas = target.querySelector('canvas')!;
		expect(canvas.getAttribute('role')).toBe('img');
		expect(canvas.getAttribute('aria-label')).toBe('Inversión por provincia');

		const cells = [...target.querySelectorAll('tbody tr')].map((tr) =>
			[...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim())
		);
		expect(cells).toEqual([
			['Santiago', '$ 12.500.000.000', '40'],
			['Cordillera', '$ 2.345.000', '7']
		]);

		const toggle = target.querySelector<HTMLButtonElement>('button.table-toggle')!;
		const box = target.querySelector('.table-box')!;
		expect(toggle.getAttribute('aria-expanded')).toBe('false');
		expect(toggle.getAttribute('aria-controls')).toBe(box.id);
		expect(box.classList.contains('collapsed')).toBe(true);
		toggle.click();
		flushSync();
		expect(toggle.getAttribute('aria-expanded')).toBe('true');
		expect(toggle.textContent).toBe('Ocultar tabla');
		expect(box.classList.contains('collapsed')).toBe(false);
		await unmount(component);
	});

	it('hands the clicked bar, or its table row, to onselect', async () => {
		const chosen: ChartSelection[] = [];
		const component = mount(BarChart, {
			target,
			props: {
				model: projectsByStage([{ stage: 'execution', projects: 3, investment_clp: 0 }], 'es'),
				title: 'Proyectos por etapa',
				onselect: (key: ChartSelection) => chosen.push(key)
			}
		});
		await settle();
		charts.created[0].options.onClick?.({}, [{ datasetIndex: 0, index: 5 }]);
		charts.created[0].options.onClick?.({}, []);
		const design = [...target.querySelectorAll<HTMLButtonElement>('button.row-select')].find(
			(b) => b.textContent === 'Diseño'
		)!;
		design.click();
		expect(chosen).toEqual([
			{ field: 'stages', value: 'execution' },
			{ field: 'stages', value: 'design' }
		]);
		await unmount(component);
	});

	it('offers no buttons when nothing can be selected, and says so when there is no data', async () => {
		const empty: BarChartModel = projectsByStage([], 'es');
		const component = mount(BarChart, { target, props: { model: empty, title: 'Proyectos por etapa' } });
		await settle();
		expect(target.querySelectorAll('button.row-select')).toHaveLength(0);
		expect(target.textContent).toContain('Sin datos para los filtros elegidos.');
		expect(target.querySelector<HTMLElement>('.canvas-box')!.hidden).toBe(true);
		await unmount(component);
	});
});
