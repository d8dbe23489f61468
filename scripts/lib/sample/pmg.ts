import { institutionKey, REGIONAL_MOP_DIRECTIONS, hasRegionalDirection } from './institutions.ts';
import { officeTimestamp } from './dates.ts';
import type { Random } from './random.ts';
import type { SampleTerritory } from './territory.ts';
import type { PmgStatus } from './enums.ts';

/**
 * PMG evaluations of the territorial management requirements, for the SEREMI de Obras Públicas
 * and the MOP's directions, national and regional, over the four years up to the anchor's. Each
 * institution starts at some level and improves (or not) year by year; the anchor year's
 * evaluations are still in progress.
 */

export interface SamplePmgEvaluation {
	institution: string;
	year: number;
	requirement_code: string;
	development: string | null;
	recommendations: string | null;
	status: PmgStatus;
	created_at: string;
}

export const PMG_REQUIREMENTS = ['1.1', '1.2', '1.3', '2.1', '3'] as const;
type Requirement = (typeof PMG_REQUIREMENTS)[number];

/** What was achieved, per requirement, from level 0 (initial) to 3 (consolidated). */
const DEVELOPMENT: Record<Requirement, readonly [string, string, string, string]> = {
	'1.1': [
		'La cartera se prioriza con criterios sectoriales; no se consideran aún variables territoriales.',
		'Se identifican las comunas y localidades beneficiadas por cada proyecto, sin análisis de brechas territoriales.',
		'La cartera se analiza con indicadores de brechas por comuna y se contrasta con la Estrategia Regional de Desarrollo.',
		'La perspectiva territorial orienta la priorización de la cartera y se revisa cada año con el gobierno regional.'
	],
	'1.2': [
		'No hay instancias formales de coordinación con el gobierno regional ni con los municipios.',
		'La institución participa en mesas convocadas por terceros, sin compromisos propios registrados.',
		'La institución coordina mesas de trabajo y registra sus compromisos con plazos y responsables.',
		'Los compromisos de mesas y convenios se siguen cada mes y su avance se informa a todas las partes.'
	],
	'1.3': [
		'Las inversiones se programan sin considerar las de otros servicios en el mismo territorio.',
		'Se identifican proyectos complementarios de otros servicios en algunas comunas.',
		'La programación considera la complementariedad con inversiones de vivienda, salud y del gobierno regional.',
		'Convenios de programación integran fuentes sectoriales y regionales en un mismo territorio.'
	],
	'2.1': [
		'La información de la cartera regional se entrega solo cuando se solicita.',
		'Se entregan reportes periódicos, con retrasos frecuentes y formatos dispares.',
		'Los flujos de información se cumplen en su mayoría a tiempo y con formato estandarizado.',
		'Los flujos de información se cumplen a tiempo y los destinatarios acusan recibo de las entregas.'
	],
	'3': [
		'No se elaboró el informe ejecutivo del período.',
		'El informe ejecutivo describe actividades, sin medir resultados.',
		'El informe ejecutivo mide resultados con indicadores, con algunas brechas de información.',
		'El informe ejecutivo presenta resultados medibles, lecciones aprendidas y compromisos para el año siguiente.'
	]
};

const RECOMMENDATION: Record<Requirement, string> = {
	'1.1': 'Incorporar indicadores de brechas territoriales en la priorización de la cartera.',
	'1.2': 'Registrar los compromisos de cada instancia de coordinación con responsable y plazo.',
	'1.3': 'Identificar las inversiones complementarias de otros servicios antes de formular el anteproyecto.',
	'2.1': 'Cumplir los plazos de los flujos de información y pedir acuse de recibo a los destinatarios.',
	'3': 'Medir resultados con indicadores y documentar las lecciones aprendidas.'
};
const KEEP_GOING = 'Mantener las prácticas y compartirlas con las demás regiones.';

export function evaluatedInstitutions(territory: SampleTerritory): string[] {
	const national = ['dgop', 'dgc', ...REGIONAL_MOP_DIRECTIONS.map((d) => d.key)].map(
		institutionKey.national
	);
	const regional = territory.regions.flatMap((region) => [
		institutionKey.regional('seremi_mop', region.code),
		...REGIONAL_MOP_DIRECTIONS.filter((d) => hasRegionalDirection(d.key, region.code)).map((d) =>
			institutionKey.regional(d.key, region.code)
		)
	]);
	return [...national, ...regional];
}

export function generatePmg(territory: SampleTerritory, r: Random, anchor: string): SamplePmgEvaluation[] {
	const anchorYear = Number(anchor.slice(0, 4));
	const rows: SamplePmgEvaluation[] = [];
	const years = [anchorYear - 3, anchorYear - 2, anchorYear - 1, anchorYear];
	for (const institution of evaluatedInstitutions(territory)) {
		for (const requirement of PMG_REQUIREMENTS) {
			let level = r.int(0, 2);
			for (const year of years) {
				if (year > years[0] && level < 3 && r.chance(0.55)) level++;
				const current = year === anchorYear;
				const status: PmgStatus = current ? (r.chance(0.6) ? 'submitted' : 'draft') : 'final';
				const unwritten = status === 'draft' && r.chance(0.3);
				rows.push({
					institution,
					year,
					requirement_code: requirement,
					development: unwritten ? null : DEVELOPMENT[requirement][level],
					recommendations: unwritten
						? null
						: level === 3
							? KEEP_GOING
							: RECOMMENDATION[requirement],
					status,
					// Closed years were evaluated early the next year; the current one is being written.
					created_at: officeTimestamp(
						current ? anchor : `${year + 1}-01-${String(r.int(10, 28)).padStart(2, '0')}`,
						r.int(0, 599)
					)
				});
			}
		}
	}
	return rows;
}
