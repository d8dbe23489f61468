import type { Database } from '$lib/database.types';

// A project of the tablero as an OC4IDS 0.9.5 project (Open Contracting for Infrastructure Data
// Standard, schema and provenance in data/oc4ids). Pure: export.ts streams the package around it.
// The mappings are documented in docs/DATA.md ("Exportación OC4IDS").

type Enums = Database['public']['Enums'];

export const OC4IDS_VERSION = '0.9';
export const OC4IDS_PUBLISHER = {
	name: 'Ministerio de Obras Públicas de Chile — Dirección General de Obras Públicas (Tablero Territorial)'
};
/** Scheme of the tablero's own project ids (`identifiers`) and default prefix of OC4IDS ids. */
export const OC4IDS_LOCAL_SCHEME = 'tablero-territorial';
/** Chile's investment bank (Banco Integrado de Proyectos, MDS) codes. */
export const BIP_SCHEME = 'CL-BIP';
/**
 * The tablero's own stage and status codes (`additionalClassifications`): projectStatus alone
 * loses them (design and feasibility are both `preparation`, halted is `implementation`), and the
 * importer (src/lib/import/sources/oc4ids.ts) reads them back by these scheme names.
 */
export const STAGE_SCHEME = 'tablero-territorial-etapa';
export const STATUS_SCHEME = 'tablero-territorial-estado';
/** Comunas by their official territorial code (Código Único Territorial, INE/SUBDERE). */
export const CUT_GAZETTEER = 'CL-CUT';

/**
 * OC4IDS projectStatus (closed codelist) from the BIP stage and the tablero's status. The stage
 * says where in the project cycle the work is; cancelled wins over any stage, and an execution
 * that is completed has been handed over (completion). Operation is the asset in service, which
 * OC4IDS calls maintenance.
 */
export function oc4idsStatus(stage: Enums['project_stage'], status: Enums['project_status']): string {
	if (status === 'cancelled') return 'cancelled';
	switch (stage) {
		case 'idea':
		case 'profile':
			return 'identification';
		case 'prefeasibility':
		case 'feasibility':
		case 'design':
			return 'preparation';
		case 'execution':
			return status === 'completed' ? 'completion' : 'implementation';
		case 'operation':
			return 'maintenance';
	}
}

/** OC4IDS projectSector (open codelist) of each MOP service; none where a service spans sectors. */
export const SERVICE_SECTORS: Record<string, string[]> = {
	vialidad: ['transport.road'],
	concesiones: ['transport'],
	aeropuertos: ['transport.air'],
	obras_portuarias: ['transport.water'],
	obras_hidraulicas: ['naturalResources', 'waterAndWaste'],
	agua_potable_rural: ['waterAndWaste'],
	arquitectura: ['governance']
};

const CHILE = 'America/Santiago';

/** A calendar day as the RFC 3339 date-time OC4IDS asks for: midnight in Chile, with its offset. */
export function chileMidnight(day: string): string {
	const [year, month, date] = day.split('-').map(Number);
	// The offset in force at noon that day (Chile changes its clocks at midnight, not at noon).
	const noon = new Date(Date.UTC(year, month - 1, date, 12));
	const name = new Intl.DateTimeFormat('en-US', { timeZone: CHILE, timeZoneName: 'longOffset' })
		.formatToParts(noon)
		.find((part) => part.type === 'timeZoneName')?.value;
	const offset = name === 'GMT' || !name ? '+00:00' : name.replace('GMT', '');
	return `${day}T00:00:00${offset}`;
}

export interface Oc4idsSource {
	id: number;
	bip_code: string | null;
	name: string;
	description: string | null;
	service_code: string;
	stage: Enums['project_stage'];
	status: Enums['project_status'];
	investment_clp: number | null;
	start_on: string | null;
	end_on: string | null;
	updated_at: string;
	located_by_commune: boolean;
	geom?: unknown;
	project_communes: { commune_code: string; share: number; communes: { name: string } | null }[];
}

export interface Oc4idsService {
	code: string;
	name: string;
}

/** The party id of a MOP service, shared by `publicAuthority` and `parties`. */
export const serviceParty = (code: string) => `mop-${code}`;

export function oc4idsProject(
	row: Oc4idsSource,
	service: Oc4idsService,
	idPrefix: string
): Record<string, unknown> {
	const party = serviceParty(service.code);
	const locations: Record<string, unknown>[] = row.project_communes.map((c) => ({
		id: `comuna-${c.commune_code}`,
		description: `${c.communes?.name ?? c.commune_code}, Chile`,
		gazetteer: { scheme: CUT_GAZETTEER, identifiers: [c.commune_code] }
	}));
	// A project placed on its declared comuna has the comuna for geometry, not its real place.
	if (row.geom && !row.located_by_commune) {
		// PostGIS adds a `crs` member; OC4IDS and RFC 7946 take WGS84 without one.
		const { type, coordinates } = row.geom as { type: string; coordinates: unknown };
		locations.unshift({ id: 'geometria', description: row.name, geometry: { type, coordinates } });
	}
	const period: Record<string, string> = {};
	if (row.start_on) period.startDate = chileMidnight(row.start_on);
	if (row.end_on) period.endDate = chileMidnight(row.end_on);
	const sector = SERVICE_SECTORS[service.code];

	const project: Record<string, unknown> = {
		id: `${idPrefix}-${row.id}`,
		updated: new Date(row.updated_at).toISOString(),
		language: 'es',
		identifiers: [
			{ scheme: OC4IDS_LOCAL_SCHEME, id: String(row.id) },
			...(row.bip_code ? [{ scheme: BIP_SCHEME, id: row.bip_code }] : [])
		],
		title: row.name,
		status: oc4idsStatus(row.stage, row.status),
		additionalClassifications: [
			{ scheme: STAGE_SCHEME, id: row.stage },
			{ scheme: STATUS_SCHEME, id: row.status }
		],
		publicAuthority: { id: party, name: service.name },
		parties: [{ id: party, name: service.name, roles: ['publicAuthority'] }]
	};
	if (row.description) project.description = row.description;
	if (sector) project.sector = sector;
	if (row.investment_clp !== null)
		project.budget = { amount: { amount: row.investment_clp, currency: 'CLP' } };
	if (Object.keys(period).length) project.period = period;
	if (locations.length) project.locations = locations;
	return project;
}
