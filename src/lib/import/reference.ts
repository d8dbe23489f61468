import type { Database } from '../database.types.ts';
import { normalize } from './text.ts';

type Enums = Database['public']['Enums'];
export type ProjectStage = Enums['project_stage'];
export type ProjectStatus = Enums['project_status'];

/** What the database lists and a row may name: services, comunas, regions. */
export interface ImportReference {
	services: { code: string; name: string; acronym: string }[];
	communes: { code: string; name: string; region_code: string }[];
	regions: { code: string; name: string }[];
}

// The words BIP extracts and regional sheets use for stages and statuses, besides the tablero's
// own labels (src/lib/i18n/enums.ts, held equal by lookup.spec.ts) and codes.
const STAGES: Record<ProjectStage, string[]> = {
	idea: ['idea'],
	profile: ['perfil', 'profile'],
	prefeasibility: ['prefactibilidad', 'pre factibilidad', 'prefeasibility', 'pre feasibility'],
	feasibility: ['factibilidad', 'feasibility'],
	design: ['diseno', 'design', 'ingenieria', 'ingenieria de detalle'],
	execution: ['ejecucion', 'execution', 'construccion', 'obra', 'obras'],
	operation: ['operacion', 'operation', 'explotacion', 'conservacion']
};
const STATUSES: Record<ProjectStatus, string[]> = {
	planned: ['planificado', 'planned', 'programado', 'por iniciar', 'no iniciado'],
	in_progress: ['en curso', 'in progress', 'en ejecucion', 'vigente', 'en desarrollo', 'iniciado'],
	halted: ['paralizado', 'halted', 'detenido', 'suspendido'],
	completed: ['terminado', 'completed', 'finalizado', 'concluido', 'ejecutado'],
	cancelled: ['cancelado', 'cancelled', 'anulado', 'desistido']
};

function index<T extends string>(words: Record<T, string[]>): Map<string, T> {
	return new Map(
		Object.entries(words).flatMap(([code, names]) =>
			[code, ...(names as string[])].map((name) => [normalize(name), code as T])
		)
	);
}
const STAGE_BY_WORD = index(STAGES);
const STATUS_BY_WORD = index(STATUSES);

export const stageOf = (text: string): ProjectStage | null => STAGE_BY_WORD.get(normalize(text)) ?? null;
export const statusOf = (text: string): ProjectStatus | null => STATUS_BY_WORD.get(normalize(text)) ?? null;

/** Name lookups over the reference, built once per import. */
export class ReferenceLookup {
	private readonly services = new Map<string, string>();
	private readonly communes = new Map<string, ImportReference['communes'][number]>();
	private readonly regions = new Map<string, string>();

	constructor(reference: ImportReference) {
		for (const service of reference.services) {
			const name = normalize(service.name);
			for (const key of [
				service.code,
				service.acronym,
				name,
				name.replace(/^(sub)?direccion (general )?de /, '')
			])
				this.services.set(normalize(key), service.code);
		}
		for (const commune of reference.communes) {
			this.communes.set(commune.code, commune);
			if (!this.communes.has(normalize(commune.name)))
				this.communes.set(normalize(commune.name), commune);
		}
		for (const region of reference.regions) {
			this.regions.set(region.code, region.code);
			this.regions.set(normalize(region.name), region.code);
			this.regions.set(normalize(region.name).replace(/^region (de |del )?/, ''), region.code);
		}
	}

	service(text: string): string | null {
		return this.services.get(normalize(text)) ?? null;
	}

	/** By CUT code (Excel drops the leading zero: 5101 is 05101) or by name, accents and case aside. */
	commune(text: string) {
		const code = /^\d{4,5}$/.test(text.trim()) ? text.trim().padStart(5, '0') : null;
		return (code ? this.communes.get(code) : this.communes.get(normalize(text))) ?? null;
	}

	region(text: string): string | null {
		const code = /^\d{1,2}$/.test(text.trim()) ? text.trim().padStart(2, '0') : null;
		return (code ? this.regions.get(code) : this.regions.get(normalize(text))) ?? null;
	}
}
