import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import KpiCards from './KpiCards.svelte';
import type { DashboardSummary } from './summary';

const kpis: DashboardSummary['kpis'] = {
	investment_clp: 12_500_000_000,
	spent_clp: 5_000_000_000,
	physical_progress: null,
	projects: 12,
	projects_delayed: 0,
	commitments_open: 20,
	commitments_overdue: 3,
	deliveries: 8,
	deliveries_on_time: 6
};

let target: HTMLElement;
beforeEach(() => {
	target = document.createElement('div');
	document.body.append(target);
});
afterEach(() => target.remove());

const card = (id: string) => target.querySelector<HTMLElement>(`[data-kpi="${id}"]`)!;

describe('KpiCards', () => {
	it('show four cards under a heading, the full investment in a tooltip', async () => {
		const component = mount(KpiCards, { target, props: { kpis } });
		expect(target.querySelectorAll('li.card')).toHaveLength(4);
		const heading = target.querySelector('h2')!;
		expect(target.querySelector('section')!.getAttribute('aria-labelledby')).toBe(heading.id);
		const value = card('investment').querySelector('.value span[title]')!;
		expect(value.textContent).toBe('$ 12.500 M');
		expect(value.getAttribute('title')).toBe('$ 12.500.000.000');
		expect(card('punctuality').querySelector('.value')!.textContent.trim()).toBe('75 %');
		await unmount(component);
	});

	it('mark overdue commitments with an icon and words, and drop the alert when none are left', async () => {
		const props = $state({ kpis });
		const component = mount(KpiCards, { target, props });
		expect(card('overdue').classList.contains('alert')).toBe(true);
		expect(card('overdue').querySelector('.badge-overdue [aria-hidden="true"]')?.textContent).toBe('⚠');
		expect(card('overdue').textContent).toContain('Atención: hay compromisos vencidos');

		props.kpis = { ...kpis, commitments_overdue: 0 };
		flushSync();
		expect(card('overdue').classList.contains('alert')).toBe(false);
		expect(card('overdue').querySelector('.badge-overdue')).toBeNull();
		expect(target.querySelectorAll('.alert')).toHaveLength(0);
		await unmount(component);
	});
});
