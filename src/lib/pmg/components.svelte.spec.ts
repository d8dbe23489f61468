import { mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PmgEvidence } from './evidence';
import EvidencePanel from './EvidencePanel.svelte';
import { mapShading } from './report-maps';
import ReportMapSvg from './ReportMapSvg.svelte';
import type { SvgMap } from './svg-map';

let target: HTMLElement;
beforeEach(() => {
	target = document.createElement('div');
	document.body.append(target);
});
afterEach(() => target.remove());

const outline: SvgMap = {
	width: 200,
	height: 100,
	areas: ['08101', '08102', '08103'].map((code, i) => ({
		code,
		name: `Comuna ${code}`,
		d: `M${i * 10} 0L${i * 10 + 10} 0L${i * 10 + 10} 10Z`
	}))
};

function evidence(over: Partial<PmgEvidence['1.1']> = {}): PmgEvidence {
	return {
		year: 2026,
		region_code: '08',
		as_of: '2026-11-30T15:00:00Z',
		today: '2026-11-30',
		'1.1': {
			agreements: 2,
			regions: 1,
			by_region: [],
			problems: [],
			places: [
				{ code: '08101', agreements: 1 },
				{ code: '08102', agreements: 2 }
			],
			...over
		},
		'1.2': {
			institutions: 0,
			by_kind: [],
			by_region: [],
			communes_covered: 0,
			communes_total: 3,
			coverage: 0,
			covered_communes: []
		},
		'1.3': {
			formal_agreements: 0,
			by_kind: [],
			commitments_scheduled: 0,
			commitments_due: 0,
			fulfilled_on_time: 0,
			on_time_rate: null,
			overdue: 0,
			overdue_ids: [],
			estimated_cost_clp: 0
		},
		'2.1': {
			deliveries_due: 0,
			delivered: 0,
			delivered_on_time: 0,
			punctuality: null,
			receipts_expected: 0,
			receipts: 0,
			acknowledgement_rate: null,
			flows: 0
		}
	};
}

describe('ReportMapSvg', () => {
	it('fills each comuna with its legend entry, counts the shaded ones and captions the figure', async () => {
		const shading = mapShading('1.1', evidence(), ['08101', '08102', '08103'], 'es')!;
		const component = mount(ReportMapSvg, {
			target,
			props: { map: outline, shading, imageName: 'map-1.1', testId: 'report-map-1.1' }
		});
		const figure = target.querySelector('figure')!;
		expect(figure.dataset.shaded).toBe('2');
		expect(figure.dataset.reportImage).toBe('map-1.1');
		const fills = [...target.querySelectorAll('figure > svg path')].map((p) => p.getAttribute('fill'));
		expect(fills).toEqual([shading.legend[0].color, shading.legend[1].color, '#e6e6e6']);
		expect([...target.querySelectorAll('.legend li')].map((li) => li.textContent?.trim())).toEqual([
			'1 acuerdo (1)',
			'2 acuerdos (1)',
			'Sin acuerdos (1)'
		]);
		expect(target.querySelector('figure > svg')!.getAttribute('aria-label')).toBe(shading.caption);
		expect(target.querySelector('figcaption')!.textContent).toContain('Datos al 30-11-2026');
		await unmount(component);
	});
});

describe('EvidencePanel', () => {
	it('marks a national agreement among a region’s problems, not the region’s own', async () => {
		const problem = (agreement_id: number, region_code: string | null) => ({
			agreement_id,
			title: `Acuerdo ${agreement_id}`,
			problem: 'Caminos',
			kind: 'working_group' as const,
			region_code,
			signed_on: '2026-01-01'
		});
		const component = mount(EvidencePanel, {
			target,
			props: {
				requirement: '1.1',
				evidence: evidence({ problems: [problem(1, '08'), problem(2, null)] }),
				previous: null,
				frozen: false
			}
		});
		const items = [...target.querySelectorAll('details li')].map((li) => li.textContent ?? '');
		expect(items[0]).not.toContain('acuerdo nacional');
		expect(items[1]).toContain('· acuerdo nacional');
		await unmount(component);
	});
});
