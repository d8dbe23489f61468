import type { Geometry } from 'geojson';
import { ImportFileError } from '../errors.ts';
import type { SourceRecord } from '../validate.ts';
import { sourceOf, type ImportSource } from './source.ts';

// An OC4IDS 0.9.5 project package (projectStatus codelist of ../shared/oc4ids, CC BY 4.0). Each
// project becomes a record whose cells are named like the tablero's own fields, so the mapping
// recognises them without help.

const HEADERS = [
	'bip_code',
	'name',
	'description',
	'service',
	'stage',
	'status',
	'investment_clp',
	'start_on',
	'end_on',
	'communes'
];

// projectStatus codelist → the tablero's stage and status, when no classification says better.
const BY_OC4IDS_STATUS: Record<string, [string, string]> = {
	identification: ['idea', 'planned'],
	preparation: ['design', 'planned'],
	implementation: ['execution', 'in_progress'],
	completion: ['execution', 'completed'],
	maintenance: ['operation', 'completed'],
	decommissioning: ['operation', 'completed'],
	decommissioned: ['operation', 'completed'],
	cancelled: ['idea', 'cancelled']
};

interface Oc4idsProject {
	id?: string;
	title?: string;
	description?: string;
	status?: string;
	identifiers?: { id?: string; scheme?: string }[];
	additionalClassifications?: { id?: string; scheme?: string }[];
	publicAuthority?: { name?: string; id?: string };
	parties?: { id?: string; name?: string; roles?: string[] }[];
	budget?: { amount?: { amount?: number; currency?: string } };
	period?: { startDate?: string; endDate?: string };
	locations?: { geometry?: Geometry; gazetteer?: { scheme?: string; identifiers?: string[] } }[];
}

function classification(project: Oc4idsProject, pattern: RegExp): string | null {
	return project.additionalClassifications?.find((c) => c.scheme && pattern.test(c.scheme))?.id ?? null;
}

function geometryOf(project: Oc4idsProject): Geometry | null {
	const geometries = (project.locations ?? []).map((l) => l.geometry).filter((g): g is Geometry => !!g);
	if (geometries.length <= 1) return geometries[0] ?? null;
	const points = geometries.filter((g) => g.type === 'Point');
	if (points.length === geometries.length)
		return { type: 'MultiPoint', coordinates: points.map((p) => p.coordinates) };
	return geometries[0];
}

function recordOf(project: Oc4idsProject, index: number): SourceRecord {
	const [stage, status] = BY_OC4IDS_STATUS[project.status ?? ''] ?? [null, null];
	const authority =
		project.publicAuthority?.name ??
		project.parties?.find(
			(p) =>
				p.roles?.includes('publicAuthority') &&
				(!project.publicAuthority?.id || p.id === project.publicAuthority.id)
		)?.name ??
		null;
	const amount = project.budget?.amount;
	const communes = (project.locations ?? []).flatMap((l) => l.gazetteer?.identifiers ?? []).join(' | ');
	return {
		row: index + 1,
		values: {
			bip_code: project.identifiers?.find((i) => i.scheme && /bip/i.test(i.scheme))?.id ?? null,
			name: project.title ?? null,
			description: project.description ?? null,
			service: authority,
			stage: classification(project, /stage|etapa/i) ?? stage,
			status: classification(project, /status|estado/i) ?? status,
			investment_clp: amount && (amount.currency ?? 'CLP') === 'CLP' ? (amount.amount ?? null) : null,
			start_on: project.period?.startDate ?? null,
			end_on: project.period?.endDate ?? null,
			communes: communes || null
		},
		geometry: geometryOf(project)
	};
}

export function isOc4ids(document: unknown): boolean {
	return (
		!!document &&
		typeof document === 'object' &&
		Array.isArray((document as { projects?: unknown }).projects)
	);
}

export function openOc4ids(document: unknown): ImportSource {
	const projects = (document as { projects: unknown[] }).projects;
	if (projects.length === 0) throw new ImportFileError('empty');
	if (!projects.every((p) => p && typeof p === 'object' && !Array.isArray(p)))
		throw new ImportFileError('oc4ids_invalid');
	return sourceOf('oc4ids', HEADERS, (projects as Oc4idsProject[]).map(recordOf));
}
