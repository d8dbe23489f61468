import { describe, expect, it } from 'vitest';
import { Constants } from '$lib/database.types';
import { oc4idsCodes, oc4idsPackageValidator } from '../../../tests/support/oc4ids';
import { chileMidnight, oc4idsProject, oc4idsStatus, SERVICE_SECTORS, type Oc4idsSource } from './oc4ids';

const row: Oc4idsSource = {
	id: 42,
	bip_code: '30123456-0',
	name: 'Mejoramiento Ruta 5, sector Sur',
	description: 'Doble calzada',
	service_code: 'vialidad',
	stage: 'execution',
	status: 'in_progress',
	investment_clp: 12_500_000_000,
	start_on: '2025-03-01',
	end_on: '2027-07-15',
	updated_at: '2026-11-20T10:00:00+00:00',
	located_by_commune: false,
	geom: {
		type: 'LineString',
		coordinates: [
			[-71.6, -33.0],
			[-71.5, -33.1]
		]
	},
	project_communes: [
		{ commune_code: '05101', share: 0.7, communes: { name: 'Valparaíso' } },
		{ commune_code: '05109', share: 0.3, communes: { name: 'Viña del Mar' } }
	]
};
const vialidad = { code: 'vialidad', name: 'Dirección de Vialidad' };
const packageOf = (projects: unknown[]) => ({
	version: '0.9',
	uri: 'http://localhost/api/export/proyectos.oc4ids.json',
	publisher: { name: 'MOP' },
	projects,
	publishedDate: '2026-11-20T10:00:00.000Z'
});

describe('oc4idsStatus', () => {
	it('maps every stage and status to the closed projectStatus codelist', () => {
		const allowed = oc4idsCodes('projectStatus');
		for (const stage of Constants.public.Enums.project_stage)
			for (const status of Constants.public.Enums.project_status)
				expect(allowed).toContain(oc4idsStatus(stage, status));
	});

	it('follows the project cycle, with cancellation winning and a finished execution completed', () => {
		expect(oc4idsStatus('profile', 'planned')).toBe('identification');
		expect(oc4idsStatus('design', 'in_progress')).toBe('preparation');
		expect(oc4idsStatus('execution', 'halted')).toBe('implementation');
		expect(oc4idsStatus('execution', 'completed')).toBe('completion');
		expect(oc4idsStatus('operation', 'completed')).toBe('maintenance');
		expect(oc4idsStatus('execution', 'cancelled')).toBe('cancelled');
	});
});

describe('SERVICE_SECTORS', () => {
	it('uses only projectSector codes', () => {
		const allowed = oc4idsCodes('projectSector');
		for (const sectors of Object.values(SERVICE_SECTORS))
			for (const sector of sectors) expect(allowed).toContain(sector);
	});
});

describe('chileMidnight', () => {
	it("writes a day as midnight with Chile's offset of that day (summer and winter time)", () => {
		expect(chileMidnight('2026-01-15')).toBe('2026-01-15T00:00:00-03:00');
		expect(chileMidnight('2026-07-15')).toBe('2026-07-15T00:00:00-04:00');
	});
});

describe('oc4idsProject', () => {
	const validate = oc4idsPackageValidator();

	it('gives a project that validates against the OC4IDS 0.9.5 package schema', () => {
		const project = oc4idsProject(row, vialidad, 'tablero-territorial');
		expect(validate(packageOf([project])), JSON.stringify(validate.errors)).toBe(true);
	});

	it('carries ids, BIP code, budget in CLP, the service as public authority and party, comunas and geometry', () => {
		const project = oc4idsProject(row, vialidad, 'oc4ids-xx');
		expect(project).toMatchObject({
			id: 'oc4ids-xx-42',
			identifiers: [
				{ scheme: 'tablero-territorial', id: '42' },
				{ scheme: 'CL-BIP', id: '30123456-0' }
			],
			title: row.name,
			description: 'Doble calzada',
			status: 'implementation',
			additionalClassifications: [
				{ scheme: 'tablero-territorial-etapa', id: 'execution' },
				{ scheme: 'tablero-territorial-estado', id: 'in_progress' }
			],
			sector: ['transport.road'],
			budget: { amount: { amount: 12_500_000_000, currency: 'CLP' } },
			publicAuthority: { id: 'mop-vialidad', name: 'Dirección de Vialidad' },
			parties: [{ id: 'mop-vialidad', name: 'Dirección de Vialidad', roles: ['publicAuthority'] }],
			period: { startDate: '2025-03-01T00:00:00-03:00', endDate: '2027-07-15T00:00:00-04:00' },
			locations: [
				{ id: 'geometria', geometry: row.geom },
				{
					id: 'comuna-05101',
					description: 'Valparaíso, Chile',
					gazetteer: { scheme: 'CL-CUT', identifiers: ['05101'] }
				},
				{ id: 'comuna-05109', description: 'Viña del Mar, Chile' }
			]
		});
	});

	it('leaves out what is unknown, and the stand-in geometry of a project placed on its comuna', () => {
		const sparse = oc4idsProject(
			{
				...row,
				bip_code: null,
				description: null,
				investment_clp: null,
				start_on: null,
				end_on: null,
				located_by_commune: true,
				service_code: 'planeamiento'
			},
			{ code: 'planeamiento', name: 'Dirección de Planeamiento' },
			'tablero-territorial'
		);
		expect(sparse).not.toHaveProperty('budget');
		expect(sparse).not.toHaveProperty('period');
		expect(sparse).not.toHaveProperty('description');
		expect(sparse).not.toHaveProperty('sector');
		expect(sparse.identifiers).toEqual([{ scheme: 'tablero-territorial', id: '42' }]);
		expect((sparse.locations as { id: string }[]).map((l) => l.id)).toEqual([
			'comuna-05101',
			'comuna-05109'
		]);
		expect(validate(packageOf([sparse])), JSON.stringify(validate.errors)).toBe(true);
	});

	it('is caught by the validator when a code leaves its codelist (the test can fail)', () => {
		const broken = { ...oc4idsProject(row, vialidad, 'x'), status: 'en_curso' };
		expect(validate(packageOf([broken]))).toBe(false);
	});
});
