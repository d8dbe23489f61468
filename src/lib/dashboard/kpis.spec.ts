import { describe, expect, it } from 'vitest';
import { buildKpis } from './kpis';
import type { DashboardSummary } from './summary';

const kpis: DashboardSummary['kpis'] = {
	investment_clp: 12_500_000_000,
	spent_clp: 5_000_000_000,
	physical_progress: 42.5,
	projects: 1_234,
	projects_delayed: 17,
	commitments_open: 80,
	commitments_overdue: 9,
	deliveries: 40,
	deliveries_on_time: 30
};

describe('KPI cards', () => {
	it('are the four the issue names, in its order', () => {
		expect(buildKpis(kpis, 'es').map((card) => card.id)).toEqual([
			'investment',
			'projects',
			'overdue',
			'punctuality'
		]);
	});
	it('abbreviate the investment and keep the full figure for the tooltip, spending beside it', () => {
		const [investment] = buildKpis(kpis, 'es');
		expect(investment).toEqual({
			id: 'investment',
			label: 'Inversión total',
			value: '$ 12.500 M',
			valueTitle: '$ 12.500.000.000',
			details: ['Ejecutado: $ 5.000 M (40 %)']
		});
	});
	it('count projects that touch the territory, with weighted progress and delays', () => {
		const projects = buildKpis(kpis, 'es')[1];
		expect(projects.label).toBe('Proyectos que tocan el territorio');
		expect(projects.value).toBe('1.234');
		expect(projects.details).toEqual(['Avance físico ponderado por inversión: 42,5 %', '17 con atraso']);
		const one = buildKpis(
			{ ...kpis, projects: 1, physical_progress: null, projects_delayed: 0 },
			'es'
		)[1];
		expect(one.label).toBe('Proyecto que toca el territorio');
		expect(one.details).toEqual([]);
	});
	it('alert on overdue commitments only when there are some', () => {
		const overdue = buildKpis(kpis, 'es')[2];
		expect(overdue.value).toBe('9');
		expect(overdue.details).toEqual(['de 80 abiertos']);
		expect(overdue.alert).toBe('Atención: hay compromisos vencidos');
		expect(buildKpis({ ...kpis, commitments_overdue: 0 }, 'es')[2].alert).toBeUndefined();
	});
	it('give punctuality as the share of due deliveries made on time', () => {
		const punctuality = buildKpis(kpis, 'es')[3];
		expect(punctuality.value).toBe('75 %');
		expect(punctuality.details).toEqual(['30 de 40 entregas a tiempo']);
		const none = buildKpis({ ...kpis, deliveries: 0, deliveries_on_time: 0 }, 'es')[3];
		expect(none.value).toBe('Sin datos');
		expect(none.details).toEqual(['Sin entregas con plazo en el período']);
	});
	it('show no spending share for a view without investment', () => {
		expect(buildKpis({ ...kpis, investment_clp: 0, spent_clp: 0 }, 'es')[0].details).toEqual([]);
	});
	it('speak English when asked', () => {
		const cards = buildKpis(kpis, 'en');
		expect(cards.map((c) => c.value)).toEqual(['$ 12,500 M', '1,234', '9', '75%']);
		expect(cards[1].label).toBe('Projects touching the territory');
	});
});
