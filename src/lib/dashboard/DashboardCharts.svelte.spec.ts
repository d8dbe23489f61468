import { mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DashboardFilter } from '$lib/filters/filter';
import DashboardCharts from './DashboardCharts.svelte';
import type { DashboardSummary } from './summary';

// No 2D canvas in happy-dom: Chart.js is replaced by an inert stand-in; the tables carry the test.
vi.mock('$lib/charts/chartjs-bar', () => ({
	Chart: class {
		update() {}
		destroy() {}
	}
}));

const summary: DashboardSummary = {
	data_version: 1,
	kpis: {
		investment_clp: 0,
		spent_clp: 0,
		physical_progress: null,
		projects: 3,
		projects_delayed: 0,
		commitments_open: 0,
		commitments_overdue: 0,
		deliveries: 0,
		deliveries_on_time: 0
	},
	by_stage: [{ stage: 'execution', projects: 3, investment_clp: 9_000_000 }],
	by_status: [{ status: 'in_progress', projects: 3, investment_clp: 9_000_000 }],
	by_area: [{ level: 'province', code: '132', name: 'Cordillera', projects: 3, investment_clp: 9_000_000 }],
	commitments_by_month: [
		{ month: '2026-11', pending: 2, in_progress: 0, fulfilled: 0, cancelled: 0, overdue: 1 }
	],
	deliveries_by_month: [{ month: '2026-11', on_time: 1, late: 1, missing: 0 }]
};

let target: HTMLElement;
beforeEach(() => {
	target = document.createElement('div');
	document.body.append(target);
});
afterEach(() => target.remove());

const button = (text: string) =>
	[...target.querySelectorAll<HTMLButtonElement>('button.row-select')].find((b) => b.textContent === text)!;

describe('DashboardCharts', () => {
	it('titles the area chart by the level below the view and cross-filters from its rows', async () => {
		const chosen: DashboardFilter[] = [];
		const component = mount(DashboardCharts, {
			target,
			props: { summary, filter: { region: '13', stages: ['design'] }, onfilter: (f) => chosen.push(f) }
		});
		const captions = [...target.querySelectorAll('figcaption')].map((c) => c.textContent);
		expect(captions).toEqual([
			'Inversión por provincia',
			'Proyectos por etapa',
			'Proyectos por estado',
			'Compromisos por mes de vencimiento',
			'Entregas de información por mes'
		]);
		button('Ejecución').click();
		button('Cordillera').click();
		expect(chosen).toEqual([
			{ region: '13', stages: ['design', 'execution'] },
			{ region: '13', province: '132', stages: ['design'] }
		]);
		await unmount(component);
	});
});
