import { addDays, addMonths, minDate, officeTimestamp } from './dates.ts';
import { weightedPicker, type Random } from './random.ts';
import { REGION_POPULATION_THOUSANDS, type SampleCommune, type SampleTerritory } from './territory.ts';
import {
	AIRFIELDS,
	HERITAGE_BUILDINGS,
	LOCALITIES,
	REGION_VOCABULARY,
	theWater,
	URBAN_SECTORS
} from './texts.ts';
import type { ProjectStage, ProjectStatus } from './enums.ts';

/**
 * MOP projects: per service, typologies with their own names, geometry, investment range and
 * duration, placed in comunas weighted by population, area and the kind of work.
 *
 * The generator decides in which comuna each project lies and the shape of its geometry; the
 * database draws the actual anchor point inside that comuna (ST_GeneratePoints, seeded) and, on
 * insert, computes every comuna the geometry touches. Lines and polygons are given in metres
 * around the anchor.
 */
export type ThemeCode =
	'medio_ambiente' | 'territorio' | 'participacion_ciudadana' | 'prevencion_riesgos_salud_ocupacional';
export const THEMES: readonly ThemeCode[] = [
	'medio_ambiente',
	'territorio',
	'participacion_ciudadana',
	'prevencion_riesgos_salud_ocupacional'
];

/**
 * - point: the anchor itself, a random point inside the comuna.
 * - coast: a point within 250 m of the comuna's sea coast (harbour works), given in lon/lat.
 * - line, polygon: `rel` is WKT in metres (x east, y north) centred on the anchor. A line that
 *   does not stay inside its region is scaled by `fallback`, which brings every vertex within 4 km
 *   of the anchor and so within the schema's 5 km tolerance around Chile's land.
 */
export type ProjectShape =
	| { kind: 'point' }
	| { kind: 'coast'; lon: number; lat: number }
	| { kind: 'line'; rel: string; fallback: number }
	| { kind: 'polygon'; rel: string };

export interface SampleProject {
	id: number;
	service_code: string;
	typology: string;
	bip_code: string | null;
	name: string;
	description: string;
	stage: ProjectStage;
	status: ProjectStatus;
	investment_clp: number | null;
	start_on: string | null;
	end_on: string | null;
	created_at: string;
	/** The comuna the geometry is drawn in (the database may find it touches others too). */
	commune_code: string;
	/** Which of the comuna's random points anchors it (1-based); 0 for coast points. */
	anchor: number;
	shape: ProjectShape;
	themes: ThemeCode[];
}

/** Most a shape may reach from its anchor, in metres, to stay within the tolerance around land. */
export const MAX_REACH_M = 4000;

type Placement = 'any' | 'urban' | 'rural' | 'coast' | 'airfield' | 'airport';
type Lifecycle = 'works' | 'study' | 'concession';

interface Context {
	r: Random;
	commune: SampleCommune;
	provinceName: string;
	route: string;
	water: string;
	locality: string;
	otherLocality: string;
	lengthKm: number;
	airfield: string;
}

interface Typology {
	key: string;
	service: string;
	weight: number;
	placement: Placement;
	shape: 'point' | 'coast' | 'line' | 'polygon';
	/** Line length or polygon radius, km. */
	size?: [number, number];
	/** Millions of CLP. */
	investment: [number, number];
	months: [number, number];
	lifecycle?: Lifecycle;
	bipShare?: number;
	themes: readonly ThemeCode[];
	name: (c: Context) => string;
	description: (c: Context) => string;
}

const km = (value: number) => value.toFixed(1).replace('.', ',');
const inCommune = (c: Context) => `comuna de ${c.commune.name}`;

const T: readonly Typology[] = [
	// Vialidad
	{
		key: 'vialidad.mejoramiento',
		service: 'vialidad',
		weight: 22,
		placement: 'any',
		shape: 'line',
		size: [6, 30],
		investment: [4000, 45000],
		months: [18, 42],
		themes: ['territorio', 'prevencion_riesgos_salud_ocupacional', 'medio_ambiente'],
		name: (c) => `Mejoramiento ${c.route}, sector ${c.locality} – ${c.otherLocality}, ${inCommune(c)}`,
		description: (c) =>
			`Mejora el estándar de ${km(c.lengthKm)} km de la ${c.route}: ensanche de calzada, bermas, saneamiento y elementos de seguridad vial entre ${c.locality} y ${c.otherLocality}.`
	},
	{
		key: 'vialidad.conservacion',
		service: 'vialidad',
		weight: 28,
		placement: 'any',
		shape: 'line',
		size: [5, 35],
		investment: [600, 8000],
		months: [12, 36],
		themes: ['territorio', 'prevencion_riesgos_salud_ocupacional'],
		name: (c) => {
			const from = c.r.float(0, 250);
			return `Conservación periódica ${c.route}, km ${km(from)} al km ${km(from + c.lengthKm)}, ${inCommune(c)}`;
		},
		description: (c) =>
			`Recuperación de la carpeta de rodado, sellos y demarcación en ${km(c.lengthKm)} km, con mantención de faja y obras de arte.`
	},
	{
		key: 'vialidad.camino_basico',
		service: 'vialidad',
		weight: 18,
		placement: 'rural',
		shape: 'line',
		size: [3, 15],
		investment: [400, 4500],
		months: [8, 24],
		themes: ['territorio', 'participacion_ciudadana', 'medio_ambiente'],
		name: (c) => `Construcción camino básico ${c.locality} – ${c.otherLocality}, ${inCommune(c)}`,
		description: (c) =>
			`Solución básica de pavimento (capa de protección asfáltica) en ${km(c.lengthKm)} km de camino rural, con participación de la comunidad en la definición del trazado.`
	},
	{
		key: 'vialidad.puente',
		service: 'vialidad',
		weight: 12,
		placement: 'any',
		shape: 'point',
		investment: [1500, 25000],
		months: [14, 36],
		themes: ['prevencion_riesgos_salud_ocupacional', 'territorio', 'medio_ambiente'],
		name: (c) =>
			c.r.chance(0.5)
				? `Reposición puente sobre ${theWater(c.water)} en ${c.route}, ${inCommune(c)}`
				: `Reposición puente ${c.locality}, ${inCommune(c)}`,
		description: () =>
			'Reemplazo de un puente de madera con capacidad de carga insuficiente por una estructura de hormigón armado con vigas postensadas.'
	},
	{
		key: 'vialidad.reposicion',
		service: 'vialidad',
		weight: 12,
		placement: 'any',
		shape: 'line',
		size: [4, 20],
		investment: [3000, 30000],
		months: [14, 30],
		themes: ['territorio', 'prevencion_riesgos_salud_ocupacional'],
		name: (c) => `Reposición pavimento ${c.route}, sector ${c.locality}, ${inCommune(c)}`,
		description: (c) =>
			`Reposición de ${km(c.lengthKm)} km de pavimento de hormigón deteriorado, con mejoramiento de intersecciones y paraderos.`
	},
	{
		key: 'vialidad.global',
		service: 'vialidad',
		weight: 8,
		placement: 'rural',
		shape: 'line',
		size: [10, 30],
		investment: [2000, 12000],
		months: [24, 36],
		themes: ['territorio', 'prevencion_riesgos_salud_ocupacional'],
		name: (c) =>
			`Conservación global mixta de caminos de la provincia de ${c.provinceName}, sector ${c.commune.name}`,
		description: () =>
			'Contrato de conservación por nivel de servicio de la red vial comunal: perfilado, reposición de ripio, limpieza de fosos y señalización.'
	},
	// Obras Hidráulicas
	{
		key: 'obras_hidraulicas.defensa',
		service: 'obras_hidraulicas',
		weight: 28,
		placement: 'any',
		shape: 'line',
		size: [1, 6],
		investment: [800, 15000],
		months: [12, 30],
		themes: ['prevencion_riesgos_salud_ocupacional', 'medio_ambiente', 'territorio'],
		name: (c) => `Construcción defensas fluviales ${c.water}, sector ${c.locality}, ${inCommune(c)}`,
		description: (c) =>
			`Enrocados y muros de protección en ${km(c.lengthKm)} km de ribera para proteger viviendas y predios agrícolas de las crecidas.`
	},
	{
		key: 'obras_hidraulicas.colector',
		service: 'obras_hidraulicas',
		weight: 22,
		placement: 'urban',
		shape: 'line',
		size: [1, 5],
		investment: [2000, 30000],
		months: [14, 36],
		themes: ['prevencion_riesgos_salud_ocupacional', 'territorio'],
		name: (c) => `Construcción colector de aguas lluvias ${c.r.pick(URBAN_SECTORS)}, ${c.commune.name}`,
		description: (c) =>
			`Red primaria de aguas lluvias de ${km(c.lengthKm)} km que evita anegamientos en el sector, según el plan maestro de evacuación y drenaje.`
	},
	{
		key: 'obras_hidraulicas.embalse',
		service: 'obras_hidraulicas',
		weight: 4,
		placement: 'rural',
		shape: 'polygon',
		size: [0.8, 3],
		investment: [60000, 450000],
		months: [36, 72],
		themes: ['medio_ambiente', 'territorio', 'participacion_ciudadana'],
		name: (c) => `Construcción embalse ${c.locality}, ${inCommune(c)}`,
		description: () =>
			'Embalse de regulación para riego y seguridad hídrica, con obras de entrega, evacuador de crecidas y caminos de acceso.'
	},
	{
		key: 'obras_hidraulicas.canal',
		service: 'obras_hidraulicas',
		weight: 18,
		placement: 'rural',
		shape: 'line',
		size: [4, 20],
		investment: [1000, 18000],
		months: [12, 30],
		themes: ['medio_ambiente', 'territorio'],
		name: (c) => `Mejoramiento canal matriz ${c.locality}, ${inCommune(c)}`,
		description: (c) =>
			`Revestimiento de ${km(c.lengthKm)} km de canal y reposición de compuertas para reducir pérdidas por infiltración.`
	},
	{
		key: 'obras_hidraulicas.cauces',
		service: 'obras_hidraulicas',
		weight: 18,
		placement: 'any',
		shape: 'line',
		size: [2, 8],
		investment: [200, 2500],
		months: [6, 18],
		themes: ['prevencion_riesgos_salud_ocupacional', 'medio_ambiente'],
		name: (c) => `Conservación de cauces naturales, ${c.water}, ${inCommune(c)}`,
		description: () =>
			'Limpieza y perfilamiento del cauce antes de la temporada de lluvias para recuperar su capacidad de porteo.'
	},
	{
		key: 'obras_hidraulicas.aluvional',
		service: 'obras_hidraulicas',
		weight: 10,
		placement: 'any',
		shape: 'point',
		investment: [3000, 20000],
		months: [14, 30],
		themes: ['prevencion_riesgos_salud_ocupacional', 'territorio'],
		name: (c) => `Construcción obras de control aluvional quebrada ${c.locality}, ${inCommune(c)}`,
		description: () =>
			'Piscinas decantadoras y barreras flexibles que retienen el material de arrastre de la quebrada ante lluvias intensas.'
	},
	// Obras Portuarias
	{
		key: 'obras_portuarias.caleta',
		service: 'obras_portuarias',
		weight: 40,
		placement: 'coast',
		shape: 'coast',
		investment: [1500, 12000],
		months: [12, 30],
		themes: ['territorio', 'medio_ambiente', 'participacion_ciudadana'],
		name: (c) => `Mejoramiento caleta pesquera ${c.locality}, ${inCommune(c)}`,
		description: () =>
			'Explanada, rampa de varado, muelle y boxes para la pesca artesanal, diseñados con el sindicato de pescadores.'
	},
	{
		key: 'obras_portuarias.borde_costero',
		service: 'obras_portuarias',
		weight: 30,
		placement: 'coast',
		shape: 'coast',
		investment: [2000, 20000],
		months: [14, 36],
		themes: ['territorio', 'participacion_ciudadana', 'medio_ambiente'],
		name: (c) => `Construcción borde costero de ${c.commune.name}, etapa ${c.r.int(1, 3)}`,
		description: () =>
			'Paseo costero con protección contra marejadas, accesos universales a la playa e iluminación.'
	},
	{
		key: 'obras_portuarias.rampa',
		service: 'obras_portuarias',
		weight: 20,
		placement: 'coast',
		shape: 'coast',
		investment: [800, 7000],
		months: [10, 24],
		themes: ['territorio', 'prevencion_riesgos_salud_ocupacional'],
		name: (c) => `Construcción rampa de conectividad ${c.locality}, ${inCommune(c)}`,
		description: () =>
			'Rampa para transbordadores que asegura la conectividad marítima de la localidad durante todo el año.'
	},
	{
		key: 'obras_portuarias.muelle',
		service: 'obras_portuarias',
		weight: 10,
		placement: 'coast',
		shape: 'coast',
		investment: [1000, 9000],
		months: [12, 24],
		themes: ['territorio', 'prevencion_riesgos_salud_ocupacional'],
		name: (c) => `Reposición muelle de pasajeros de ${c.commune.name}`,
		description: () =>
			'Reposición del muelle y su sala de espera, con estándar de accesibilidad universal.'
	},
	// Arquitectura
	{
		key: 'arquitectura.edificio',
		service: 'arquitectura',
		weight: 35,
		placement: 'urban',
		shape: 'point',
		investment: [3000, 35000],
		months: [18, 36],
		themes: ['territorio', 'participacion_ciudadana'],
		name: (c) => `Construcción edificio de servicios públicos de ${c.commune.name}`,
		description: () =>
			'Edificio que reúne a los servicios públicos de la comuna, con eficiencia energética y accesibilidad universal.'
	},
	{
		key: 'arquitectura.restauracion',
		service: 'arquitectura',
		weight: 35,
		placement: 'urban',
		shape: 'point',
		investment: [800, 9000],
		months: [12, 30],
		themes: ['territorio', 'participacion_ciudadana'],
		name: (c) => `Restauración ${c.r.pick(HERITAGE_BUILDINGS)} de ${c.commune.name}`,
		description: () =>
			'Restauración y puesta en valor de un inmueble patrimonial dañado por sismos, con refuerzo estructural y nuevo uso comunitario.'
	},
	{
		key: 'arquitectura.mandato',
		service: 'arquitectura',
		weight: 30,
		placement: 'urban',
		shape: 'point',
		investment: [1500, 12000],
		months: [12, 26],
		themes: ['territorio', 'prevencion_riesgos_salud_ocupacional'],
		name: (c) =>
			`Reposición ${c.r.pick(['Tenencia de Carabineros', 'Cuartel de Bomberos', 'Centro de Salud Familiar', 'Escuela rural'])} de ${c.commune.name}`,
		description: () =>
			'Obra ejecutada por la Dirección de Arquitectura como unidad técnica, por mandato de la institución mandante.'
	},
	// Aeropuertos
	{
		key: 'aeropuertos.ampliacion',
		service: 'aeropuertos',
		weight: 30,
		placement: 'airfield',
		shape: 'point',
		investment: [8000, 90000],
		months: [24, 48],
		themes: ['territorio', 'prevencion_riesgos_salud_ocupacional'],
		name: (c) => `Ampliación y mejoramiento ${c.airfield}`,
		description: () =>
			'Ampliación del área de movimiento, plataforma de estacionamiento de aeronaves y edificio terminal.'
	},
	{
		key: 'aeropuertos.pista',
		service: 'aeropuertos',
		weight: 40,
		placement: 'airfield',
		shape: 'point',
		investment: [500, 6000],
		months: [8, 20],
		themes: ['prevencion_riesgos_salud_ocupacional', 'territorio'],
		name: (c) => `Conservación pista y plataforma ${c.airfield}`,
		description: () =>
			'Sello y recarpeteo de la pista, balizamiento y demarcación según normativa aeronáutica.'
	},
	{
		key: 'aeropuertos.pequeno',
		service: 'aeropuertos',
		weight: 30,
		placement: 'rural',
		shape: 'point',
		investment: [300, 3500],
		months: [8, 18],
		themes: ['territorio', 'prevencion_riesgos_salud_ocupacional'],
		name: (c) => `Mejoramiento pequeño aeródromo de ${c.commune.name}`,
		description: () =>
			'Mejoramiento de la pista de la red de pequeños aeródromos que sirve a evacuaciones médicas y conectividad de zonas aisladas.'
	},
	// Concesiones
	{
		key: 'concesiones.autopista',
		service: 'concesiones',
		weight: 45,
		placement: 'any',
		shape: 'line',
		size: [15, 50],
		investment: [150000, 950000],
		months: [36, 72],
		lifecycle: 'concession',
		bipShare: 0.3,
		themes: [
			'territorio',
			'medio_ambiente',
			'prevencion_riesgos_salud_ocupacional',
			'participacion_ciudadana'
		],
		name: (c) => `Concesión ${c.route}, tramo ${c.commune.name} – ${c.locality}`,
		description: (c) =>
			`Concesión de ${km(c.lengthKm)} km de doble calzada con calles de servicio, pasarelas y cobro electrónico de peaje.`
	},
	{
		key: 'concesiones.hospital',
		service: 'concesiones',
		weight: 35,
		placement: 'urban',
		shape: 'point',
		investment: [80000, 420000],
		months: [36, 60],
		lifecycle: 'concession',
		bipShare: 0.3,
		themes: ['territorio', 'prevencion_riesgos_salud_ocupacional', 'participacion_ciudadana'],
		name: (c) => `Concesión Hospital de ${c.commune.name}`,
		description: () =>
			'Diseño, construcción, equipamiento y mantención de un hospital de alta complejidad bajo el sistema de concesiones.'
	},
	{
		key: 'concesiones.aeropuerto',
		service: 'concesiones',
		weight: 20,
		placement: 'airport',
		shape: 'point',
		investment: [50000, 600000],
		months: [36, 60],
		lifecycle: 'concession',
		bipShare: 0.3,
		themes: ['territorio', 'medio_ambiente'],
		name: (c) => `Concesión ${c.airfield}`,
		description: () =>
			'Ampliación del terminal de pasajeros y su explotación por el concesionario durante el plazo de la concesión.'
	},
	// Agua Potable Rural
	{
		key: 'agua_potable_rural.instalacion',
		service: 'agua_potable_rural',
		weight: 35,
		placement: 'rural',
		shape: 'point',
		investment: [300, 3000],
		months: [10, 24],
		themes: ['participacion_ciudadana', 'territorio', 'medio_ambiente'],
		name: (c) => `Instalación sistema de agua potable rural ${c.locality}, ${inCommune(c)}`,
		description: (c) =>
			`Captación, estanque y red de distribución para ${c.r.int(40, 450)} arranques domiciliarios que hoy se abastecen con camiones aljibe.`
	},
	{
		key: 'agua_potable_rural.mejoramiento',
		service: 'agua_potable_rural',
		weight: 35,
		placement: 'rural',
		shape: 'point',
		investment: [400, 4000],
		months: [10, 24],
		themes: ['participacion_ciudadana', 'territorio'],
		name: (c) =>
			`Mejoramiento y ampliación servicio de agua potable rural ${c.locality}, ${inCommune(c)}`,
		description: (c) =>
			`Nueva fuente, aumento de la capacidad de regulación y ${c.r.int(20, 250)} nuevos arranques para el comité de agua potable rural.`
	},
	{
		key: 'agua_potable_rural.conservacion',
		service: 'agua_potable_rural',
		weight: 15,
		placement: 'rural',
		shape: 'point',
		investment: [150, 1200],
		months: [6, 14],
		themes: ['territorio', 'prevencion_riesgos_salud_ocupacional'],
		name: (c) =>
			`Conservación sistemas de agua potable rural de la provincia de ${c.provinceName}, sector ${c.locality}`,
		description: () =>
			'Reparación de bombas, estanques y redes de los servicios sanitarios rurales de la provincia.'
	},
	{
		key: 'agua_potable_rural.saneamiento',
		service: 'agua_potable_rural',
		weight: 15,
		placement: 'rural',
		shape: 'point',
		investment: [800, 6000],
		months: [12, 30],
		themes: ['medio_ambiente', 'participacion_ciudadana'],
		name: (c) => `Construcción sistema de saneamiento sanitario ${c.locality}, ${inCommune(c)}`,
		description: () =>
			'Red de alcantarillado y planta de tratamiento de aguas servidas para la localidad rural.'
	},
	// Planeamiento
	{
		key: 'planeamiento.red_vial',
		service: 'planeamiento',
		weight: 35,
		placement: 'any',
		shape: 'polygon',
		size: [2, 3.4],
		investment: [80, 900],
		months: [6, 18],
		lifecycle: 'study',
		bipShare: 0.7,
		themes: ['territorio', 'participacion_ciudadana'],
		name: (c) => `Análisis de la red vial estructurante de ${c.commune.name}`,
		description: () =>
			'Estudio de demanda y modelación de la red vial para priorizar inversiones de mediano plazo.'
	},
	{
		key: 'planeamiento.plan_maestro',
		service: 'planeamiento',
		weight: 35,
		placement: 'urban',
		shape: 'polygon',
		size: [2, 3.4],
		investment: [120, 1200],
		months: [10, 24],
		lifecycle: 'study',
		bipShare: 0.7,
		themes: ['territorio', 'participacion_ciudadana', 'medio_ambiente'],
		name: (c) => `Plan maestro de infraestructura para ${c.commune.name}`,
		description: () =>
			'Cartera de inversiones MOP para la próxima década, elaborada con el municipio, el gobierno regional y la comunidad.'
	},
	{
		key: 'planeamiento.brechas',
		service: 'planeamiento',
		weight: 30,
		placement: 'rural',
		shape: 'polygon',
		size: [2, 3.4],
		investment: [100, 1000],
		months: [8, 20],
		lifecycle: 'study',
		bipShare: 0.7,
		themes: ['territorio', 'participacion_ciudadana'],
		name: (c) =>
			`Diagnóstico de brechas de infraestructura de la provincia de ${c.provinceName}, sector ${c.locality}`,
		description: () =>
			'Levantamiento de brechas de conectividad, agua y servicios en localidades aisladas de la provincia.'
	}
];

export const TYPOLOGIES = T;

/** Share of the portfolio per service. */
const SERVICE_SHARE: Readonly<Record<string, number>> = {
	vialidad: 36,
	agua_potable_rural: 16,
	obras_hidraulicas: 14,
	arquitectura: 11,
	obras_portuarias: 8,
	planeamiento: 7,
	aeropuertos: 4,
	concesiones: 4
};

type StageStatus = [ProjectStage, ProjectStatus, number];
const LIFECYCLES: Record<Lifecycle, readonly StageStatus[]> = {
	works: [
		['operation', 'completed', 18],
		['execution', 'in_progress', 30],
		['execution', 'halted', 4],
		['execution', 'planned', 4],
		['design', 'in_progress', 13],
		['design', 'planned', 5],
		['feasibility', 'in_progress', 5],
		['prefeasibility', 'in_progress', 5],
		['profile', 'planned', 8],
		['idea', 'planned', 5],
		['design', 'cancelled', 1.5],
		['prefeasibility', 'cancelled', 1.5]
	],
	study: [
		['idea', 'planned', 7],
		['profile', 'planned', 15],
		['prefeasibility', 'in_progress', 25],
		['feasibility', 'in_progress', 20],
		['feasibility', 'completed', 30],
		['prefeasibility', 'cancelled', 3]
	],
	concession: [
		['operation', 'in_progress', 35],
		['execution', 'in_progress', 30],
		['execution', 'halted', 5],
		['design', 'in_progress', 10],
		['feasibility', 'planned', 10],
		['prefeasibility', 'planned', 10]
	]
};
const lifecyclePickers = Object.fromEntries(
	Object.entries(LIFECYCLES).map(([k, list]) => [
		k,
		weightedPicker(
			list,
			list.map((x) => x[2])
		)
	])
) as Record<Lifecycle, (r: Random) => StageStatus>;

/** The BIP check digit, computed like a RUT's (modulo 11, 'K' for 10). */
export function bipCheckDigit(digits: string): string {
	let sum = 0;
	let factor = 2;
	for (let i = digits.length - 1; i >= 0; i--) {
		sum += Number(digits[i]) * factor;
		factor = factor === 7 ? 2 : factor + 1;
	}
	const dv = 11 - (sum % 11);
	return dv === 11 ? '0' : dv === 10 ? 'K' : String(dv);
}

const bipPrefix = weightedPicker(['20', '30', '40'], [15, 55, 30]);

function newBipCode(r: Random, used: Set<string>): string {
	for (;;) {
		const digits = bipPrefix(r) + String(r.int(0, 999_999)).padStart(6, '0');
		if (used.has(digits)) continue;
		used.add(digits);
		return `${digits}-${bipCheckDigit(digits)}`;
	}
}

/** A line of about `lengthM` metres through the origin, gently winding, as relative WKT. */
export function lineShape(r: Random, lengthM: number): { rel: string; fallback: number } {
	const vertices = Math.min(12, 2 + Math.floor(lengthM / 3000));
	const azimuth = r.float(0, Math.PI);
	const [cos, sin] = [Math.cos(azimuth), Math.sin(azimuth)];
	let lateral = 0;
	let reach = 0;
	const points: string[] = [];
	for (let i = 0; i < vertices; i++) {
		const along = -lengthM / 2 + (lengthM * i) / (vertices - 1);
		if (i > 0)
			lateral = Math.max(
				-0.12 * lengthM,
				Math.min(0.12 * lengthM, lateral + r.float(-0.05, 0.05) * lengthM)
			);
		const x = Math.round(along * cos - lateral * sin);
		const y = Math.round(along * sin + lateral * cos);
		reach = Math.max(reach, Math.hypot(x, y));
		points.push(`${x} ${y}`);
	}
	return {
		rel: `LINESTRING(${points.join(',')})`,
		fallback: Math.min(1, Math.floor((MAX_REACH_M / Math.max(reach, 1)) * 1e6) / 1e6)
	};
}

/** A closed, simple, roughly elliptical ring of radius about `radiusM`, as relative WKT. */
export function polygonShape(r: Random, radiusM: number): string {
	const n = 14;
	const rotation = r.float(0, Math.PI);
	const flatten = r.float(0.55, 1);
	const ring: string[] = [];
	for (let i = 0; i < n; i++) {
		// Angles strictly increase and the radius stays positive: the ring cannot cross itself.
		const angle = ((i + r.float(-0.3, 0.3)) / n) * 2 * Math.PI;
		const radius = radiusM * r.float(0.8, 1.15);
		const ex = Math.cos(angle) * radius;
		const ey = Math.sin(angle) * radius * flatten;
		ring.push(
			`${Math.round(ex * Math.cos(rotation) - ey * Math.sin(rotation))} ${Math.round(ex * Math.sin(rotation) + ey * Math.cos(rotation))}`
		);
	}
	ring.push(ring[0]);
	return `POLYGON((${ring.join(',')}))`;
}

/** A coast point moved up to 250 m, rounded to about 10 cm. */
function nearCoast(r: Random, [lon, lat]: [number, number]): { lon: number; lat: number } {
	const distance = r.float(0, 250);
	const angle = r.float(0, 2 * Math.PI);
	const round = (v: number) => Math.round(v * 1e6) / 1e6;
	return {
		lon: round(lon + (distance * Math.cos(angle)) / (111_320 * Math.cos((lat * Math.PI) / 180))),
		lat: round(lat + (distance * Math.sin(angle)) / 110_574)
	};
}

interface RegionPlan {
	code: string;
	communes: SampleCommune[];
	pickers: Record<'any' | 'urban' | 'rural' | 'coast', ((r: Random) => SampleCommune) | null>;
	airfields: { commune: SampleCommune; name: string }[];
	pickService: (r: Random) => string;
}

const isRegionalCapital = (c: SampleCommune) => c.code.endsWith('101');
const isProvincialCapital = (c: SampleCommune) => c.code.endsWith('01');

function regionPlans(territory: SampleTerritory): RegionPlan[] {
	const byCode = new Map(territory.communes.map((c) => [c.code, c]));
	return territory.regions.map((region) => {
		const communes = territory.communes.filter(
			(c) => c.region_code === region.code && c.areaKm2 !== null && c.areaKm2 > 0
		);
		if (communes.length === 0)
			throw new Error(`Region ${region.code} has no comuna with a polygon to place projects in`);
		const picker = (list: SampleCommune[], weight: (c: SampleCommune) => number) =>
			list.length ? weightedPicker(list, list.map(weight)) : null;
		const area = (c: SampleCommune) => c.areaKm2 ?? 0;
		const capitalBonus = (c: SampleCommune) =>
			isRegionalCapital(c) ? 6 : isProvincialCapital(c) ? 3 : 1;
		const coastal = communes.filter((c) => c.coast.length > 0);
		const airfields = AIRFIELDS.filter(
			(a) => byCode.get(a.commune)?.region_code === region.code && byCode.get(a.commune)?.areaKm2
		).map((a) => ({ commune: byCode.get(a.commune)!, name: a.name }));
		const services = Object.keys(SERVICE_SHARE).filter(
			(s) => s !== 'obras_portuarias' || coastal.length > 0
		);
		return {
			code: region.code,
			communes,
			pickers: {
				any: picker(communes, (c) => Math.pow(area(c), 0.3) * (isRegionalCapital(c) ? 2 : 1)),
				urban: picker(communes, capitalBonus),
				// Rural works avoid the small urban comunas (Providencia, San Miguel…) when the region has others.
				rural: picker(
					communes,
					(c) =>
						Math.pow(area(c), 0.6) * (area(c) < 60 && communes.some((o) => area(o) >= 60) ? 0 : 1)
				),
				coast: picker(coastal, (c) => (isRegionalCapital(c) ? 2 : 1))
			},
			airfields,
			pickService: weightedPicker(
				services,
				services.map((s) => SERVICE_SHARE[s])
			)
		};
	});
}

const typologyPickers = new Map(
	Object.keys(SERVICE_SHARE).map((service) => {
		const list = T.filter((t) => t.service === service);
		return [
			service,
			weightedPicker(
				list,
				list.map((t) => t.weight)
			)
		] as const;
	})
);

function pickThemes(r: Random, preferred: readonly ThemeCode[]): ThemeCode[] {
	const count = r.chance(0.6) ? 1 : r.chance(0.85) ? 2 : 3;
	// The first preferred theme leads most of the time; the others follow at random.
	const first = r.chance(0.7) ? preferred[0] : r.pick(preferred);
	const rest = r.sample(
		preferred.filter((t) => t !== first),
		count - 1
	);
	return [first, ...rest];
}

function schedule(
	r: Random,
	status: ProjectStatus,
	stage: ProjectStage,
	months: [number, number],
	anchor: string,
	lifecycle: Lifecycle
): { start_on: string | null; end_on: string | null } {
	const duration = r.int(months[0], months[1]);
	if (lifecycle === 'concession' && stage === 'operation') {
		const start = addDays(anchor, -r.int(365 * 2, 365 * 18));
		return { start_on: start, end_on: addMonths(start, r.int(20, 35) * 12) };
	}
	switch (status) {
		case 'completed': {
			const end = addDays(anchor, -r.int(15, 2000));
			return { start_on: addMonths(end, -duration), end_on: end };
		}
		case 'in_progress':
		case 'halted': {
			if (r.chance(0.12)) {
				// Behind schedule: the planned end has passed and the work goes on.
				const end = addDays(anchor, -r.int(10, 240));
				return { start_on: addMonths(end, -duration), end_on: end };
			}
			const start = addDays(anchor, -Math.round(duration * 30.4 * r.float(0.05, 0.95)));
			return { start_on: start, end_on: addMonths(start, duration) };
		}
		case 'planned': {
			if (r.chance(0.3)) return { start_on: null, end_on: null };
			const start = addDays(anchor, r.int(30, 700));
			return { start_on: start, end_on: addMonths(start, duration) };
		}
		case 'cancelled':
			return { start_on: r.chance(0.5) ? null : addDays(anchor, r.int(-900, 200)), end_on: null };
	}
}

/**
 * 70 % population and 30 % the square root of the area: Santiago gets about a quarter of the
 * portfolio, and the large, sparsely populated south and north still get a visible share.
 */
export function regionWeights(territory: SampleTerritory, codes: readonly string[]): number[] {
	const area = new Map<string, number>();
	for (const c of territory.communes)
		area.set(c.region_code, (area.get(c.region_code) ?? 0) + (c.areaKm2 ?? 0));
	const population = (code: string) => REGION_POPULATION_THOUSANDS[code] ?? 0;
	const totalPopulation = codes.reduce((sum, code) => sum + population(code), 0) || 1;
	const totalRootArea = codes.reduce((sum, code) => sum + Math.sqrt(area.get(code) ?? 0), 0) || 1;
	return codes.map(
		(code) =>
			0.7 * (population(code) / totalPopulation) +
			0.3 * (Math.sqrt(area.get(code) ?? 0) / totalRootArea)
	);
}

export interface ProjectsResult {
	projects: SampleProject[];
	/** How many random anchor points each comuna needs (the database draws them). */
	anchorsPerCommune: Map<string, number>;
}

export function generateProjects(
	territory: SampleTerritory,
	count: number,
	r: Random,
	anchor: string
): ProjectsResult {
	const plans = regionPlans(territory);
	const provinceNames = new Map(territory.provinces.map((p) => [p.code, p.name]));
	const pickRegion = weightedPicker(
		plans,
		regionWeights(
			territory,
			plans.map((p) => p.code)
		)
	);

	const anchorsPerCommune = new Map<string, number>();
	const usedBip = new Set<string>();
	const projects: SampleProject[] = [];
	for (let i = 0; i < count; i++) {
		// The first projects visit every region once, so that any N ≥ 16 covers the country.
		const plan = i < plans.length ? plans[i] : pickRegion(r);
		let typology = typologyPickers.get(plan.pickService(r))!(r);
		// A region without a commercial airport gets a concession of another kind.
		if (
			typology.placement === 'airport' &&
			!plan.airfields.some((a) => a.name.startsWith('Aeropuerto'))
		) {
			typology = T.find((t) => t.key === 'concesiones.hospital')!;
		}

		let commune: SampleCommune;
		let airfield = '';
		if (typology.placement === 'airfield' || typology.placement === 'airport') {
			const candidates = plan.airfields.filter(
				(a) => typology.placement === 'airfield' || a.name.startsWith('Aeropuerto')
			);
			const chosen = candidates.length ? r.pick(candidates) : null;
			commune = chosen?.commune ?? plan.pickers.urban!(r);
			airfield = chosen?.name ?? `Aeródromo de ${commune.name}`;
		} else {
			commune = (plan.pickers[typology.placement] ?? plan.pickers.any!)(r);
		}

		const vocabulary = REGION_VOCABULARY[plan.code] ?? {
			routes: ['Ruta 5'],
			waters: ['estero sin nombre']
		};
		const [locality, otherLocality] = r.pair(LOCALITIES);
		const lengthKm = typology.size ? r.float(typology.size[0], typology.size[1]) : 0;
		const context: Context = {
			r,
			commune,
			provinceName: provinceNames.get(commune.province_code) ?? commune.name,
			route: r.pick(vocabulary.routes),
			water: r.pick(vocabulary.waters),
			locality,
			otherLocality,
			lengthKm,
			airfield
		};

		let shape: ProjectShape;
		let anchorOrdinal = 0;
		if (typology.shape === 'coast' && commune.coast.length) {
			shape = { kind: 'coast', ...nearCoast(r, r.pick(commune.coast)) };
		} else {
			anchorOrdinal = (anchorsPerCommune.get(commune.code) ?? 0) + 1;
			anchorsPerCommune.set(commune.code, anchorOrdinal);
			if (typology.shape === 'line') shape = { kind: 'line', ...lineShape(r, lengthKm * 1000) };
			else if (typology.shape === 'polygon')
				shape = { kind: 'polygon', rel: polygonShape(r, lengthKm * 1000) };
			else shape = { kind: 'point' };
		}

		const lifecycle = typology.lifecycle ?? 'works';
		const [stage, status] = lifecyclePickers[lifecycle](r);
		const { start_on, end_on } = schedule(r, status, stage, typology.months, anchor, lifecycle);
		const hasAmount = stage === 'idea' ? r.chance(0.4) : stage === 'profile' ? r.chance(0.7) : true;
		const investment = hasAmount
			? Math.round(r.logUniform(typology.investment[0], typology.investment[1]) * 1000) * 1000
			: null;
		const registered = addDays(minDate(anchor, start_on ?? anchor), -r.int(20, 500));

		projects.push({
			id: i + 1,
			service_code: typology.service,
			typology: typology.key,
			bip_code: r.chance(typology.bipShare ?? 0.88) ? newBipCode(r, usedBip) : null,
			name: typology.name(context),
			description: typology.description(context),
			stage,
			status,
			investment_clp: investment,
			start_on,
			end_on,
			created_at: officeTimestamp(registered, r.int(0, 599)),
			commune_code: commune.code,
			anchor: anchorOrdinal,
			shape,
			themes: pickThemes(r, typology.themes)
		});
	}
	return { projects, anchorsPerCommune };
}
