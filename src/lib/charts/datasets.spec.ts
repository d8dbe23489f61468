import { describe, expect, it } from 'vitest';
import {
	commitmentsByMonth,
	deliveriesByMonth,
	investmentByArea,
	monthRange,
	projectsByStage,
	projectsByStatus
} from './datasets';
import { isEmptyModel, keyAt } from './model';
import { LATE } from './palette';

describe('investment by area', () => {
	const rows = [
		{
			level: 'province' as const,
			code: '131',
			name: 'Santiago',
			projects: 40,
			investment_clp: 12_500_000_000
		},
		{ level: 'province' as const, code: '134', name: 'Maipo', projects: 3, investment_clp: 950_000 },
		{
			level: 'province' as const,
			code: '132',
			name: 'Cordillera',
			projects: 7,
			investment_clp: 2_345_000
		},
		{ level: 'province' as const, code: '133', name: 'Chacabuco', projects: 0, investment_clp: 2_345_000 }
	];
	const model = investmentByArea(rows, 'province', 'es');

	it('draws horizontal bars, largest first, ties by name', () => {
		expect(model.orientation).toBe('horizontal');
		expect(model.format).toBe('clp');
		expect(model.data.labels).toEqual(['Santiago', 'Chacabuco', 'Cordillera', 'Maipo']);
		expect(model.data.datasets[0].data).toEqual([12_500_000_000, 2_345_000, 2_345_000, 950_000]);
	});
	it('maps each bar to its place', () => {
		expect(keyAt(model, 0, 0)).toEqual({ field: 'place', level: 'province', code: '131' });
		expect(keyAt(model, 0, 3)).toEqual({ field: 'place', level: 'province', code: '134' });
		expect(keyAt(model, 1, 0)).toBeNull();
	});
	it('tabulates the full figures the Chilean way', () => {
		expect(model.table.columns.map((c) => c.label)).toEqual(['Provincia', 'Inversión', 'Proyectos']);
		expect(model.table.rows[0]).toEqual({
			header: 'Santiago',
			cells: [{ text: '$ 12.500.000.000' }, { text: '40' }],
			key: { field: 'place', level: 'province', code: '131' }
		});
	});
	it('names the level in the language asked', () => {
		expect(investmentByArea([], 'commune', 'en').table.columns[0].label).toBe('Comuna');
		expect(investmentByArea([], 'region', 'es').table.columns[0].label).toBe('Región');
	});
	it('does not reorder the rows it was given', () => {
		expect(rows[0].code).toBe('131');
		expect(rows[1].code).toBe('134');
	});
});

describe('projects by stage and by status', () => {
	it('keeps every stage in the enum order, zeros included', () => {
		const model = projectsByStage(
			[
				{ stage: 'execution', projects: 12, investment_clp: 3_000_000_000 },
				{ stage: 'idea', projects: 2, investment_clp: 10_000_000 }
			],
			'es'
		);
		expect(model.data.labels).toEqual([
			'Idea',
			'Perfil',
			'Prefactibilidad',
			'Factibilidad',
			'Diseño',
			'Ejecución',
			'Operación'
		]);
		expect(model.data.datasets[0].data).toEqual([2, 0, 0, 0, 0, 12, 0]);
		expect(keyAt(model, 0, 5)).toEqual({ field: 'stages', value: 'execution' });
		expect(model.table.rows[5].cells).toEqual([{ text: '12' }, { text: '$ 3.000.000.000' }]);
		// An ordinal ramp: one colour per stage, none of them the red kept for lateness.
		const colours = model.data.datasets[0].backgroundColor as string[];
		expect(new Set(colours).size).toBe(7);
		expect(colours).not.toContain(LATE);
	});
	it('keeps every status in the enum order, labelled in English when asked', () => {
		const model = projectsByStatus([{ status: 'halted', projects: 4, investment_clp: 0 }], 'en');
		expect(model.data.labels).toEqual(['Planned', 'In progress', 'Halted', 'Completed', 'Cancelled']);
		expect(model.data.datasets[0].data).toEqual([0, 0, 4, 0, 0]);
		expect(keyAt(model, 0, 2)).toEqual({ field: 'statuses', value: 'halted' });
		expect(model.data.datasets[0].backgroundColor).not.toContain(LATE);
	});
	it('is empty when no project matches', () => {
		expect(isEmptyModel(projectsByStage([], 'es'))).toBe(true);
		expect(
			isEmptyModel(projectsByStage([{ stage: 'design', projects: 1, investment_clp: 0 }], 'es'))
		).toBe(false);
	});
});

describe('month range', () => {
	it('fills the months between the first and the last, across a year end', () => {
		expect(monthRange(['2027-02', '2026-11'])).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
		expect(monthRange(['2026-05'])).toEqual(['2026-05']);
		expect(monthRange([])).toEqual([]);
	});
});

describe('commitments by month', () => {
	const model = commitmentsByMonth(
		[
			{ month: '2027-01', pending: 1, in_progress: 0, fulfilled: 0, cancelled: 0, overdue: 0 },
			{ month: '2026-11', pending: 3, in_progress: 2, fulfilled: 5, cancelled: 1, overdue: 4 }
		],
		'es'
	);

	it('runs month by month, an empty month included', () => {
		expect(model.data.labels).toEqual(['nov 2026', 'dic 2026', 'ene 2027']);
	});
	it('stacks the statuses and gives overdue its own hatched bar beside them', () => {
		expect(model.stacked).toBe(true);
		expect(
			model.data.datasets.map((d) => [
				d.label,
				d.stack,
				d.data,
				d.hatched ?? false,
				d.backgroundColor === LATE
			])
		).toEqual([
			['Pendiente', 'status', [3, 0, 1], false, false],
			['En curso', 'status', [2, 0, 0], false, false],
			['Cumplido', 'status', [5, 0, 0], false, false],
			['Cancelado', 'status', [1, 0, 0], false, false],
			['Vencidos (de los pendientes y en curso)', 'overdue', [4, 0, 0], true, true]
		]);
	});
	it('maps a segment to its commitment status, overdue included', () => {
		expect(keyAt(model, 0, 0)).toEqual({ field: 'commitmentStatus', value: 'pending' });
		expect(keyAt(model, 4, 2)).toEqual({ field: 'commitmentStatus', value: 'overdue' });
	});
	it('tabulates each month with the overdue column', () => {
		expect(model.table.columns.map((c) => c.label)).toEqual([
			'Mes',
			'Pendiente',
			'En curso',
			'Cumplido',
			'Cancelado',
			'Vencidos (de los pendientes y en curso)'
		]);
		expect(model.table.rows[0]).toEqual({
			header: 'nov 2026',
			cells: ['3', '2', '5', '1', '4'].map((text) => ({ text })),
			key: null
		});
		expect(model.table.rows[1].cells.map((c) => c.text)).toEqual(['0', '0', '0', '0', '0']);
	});
});

describe('deliveries by month', () => {
	const model = deliveriesByMonth(
		[
			{ month: '2026-10', on_time: 6, late: 1, missing: 1 },
			{ month: '2026-12', on_time: 1_200, late: 0, missing: 0 }
		],
		'es'
	);

	it('stacks on time, late (hatched red) and missing', () => {
		expect(model.data.labels).toEqual(['oct 2026', 'nov 2026', 'dic 2026']);
		expect(
			model.data.datasets.map((d) => [d.label, d.data, d.hatched ?? false, d.backgroundColor === LATE])
		).toEqual([
			['A tiempo', [6, 0, 1_200], false, false],
			['Atrasadas', [1, 0, 0], true, true],
			['Sin entregar', [1, 0, 0], false, false]
		]);
	});
	it('selects nothing: no filter field names a delivery outcome', () => {
		expect(model.keys.flat().every((key) => key === null)).toBe(true);
	});
	it('adds the punctuality of each month to the table, a dash when nothing was due', () => {
		expect(model.table.rows.map((r) => [r.header, ...r.cells.map((c) => c.text)])).toEqual([
			['oct 2026', '6', '1', '1', '75 %'],
			['nov 2026', '0', '0', '0', '—'],
			['dic 2026', '1.200', '0', '0', '100 %']
		]);
	});
});
