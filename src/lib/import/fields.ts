import { normalize } from './text.ts';

/** The project fields a file can feed; `wkt` is a geometry written as text (WKT, or GeoJSON). */
export const IMPORT_FIELDS = [
	'bip_code',
	'name',
	'description',
	'service',
	'stage',
	'status',
	'investment',
	'start_on',
	'end_on',
	'commune',
	'region',
	'longitude',
	'latitude',
	'wkt'
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Which header of the file feeds each field (null: none). */
export type ColumnMapping = Partial<Record<ImportField, string | null>>;

export const REQUIRED_FIELDS: readonly ImportField[] = ['name', 'service', 'stage', 'status'];

// The headers regional staff actually write (BIP extracts, Excel sheets, the tablero's own CSV and
// GeoJSON exports), normalised: lower case, no accents, single spaces.
const SYNONYMS: Record<ImportField, string[]> = {
	bip_code: [
		'codigo bip',
		'cod bip',
		'bip',
		'n bip',
		'nro bip',
		'numero bip',
		'codigo',
		'bip code',
		'bip_code',
		'bip code'
	],
	name: [
		'nombre',
		'nombre proyecto',
		'nombre del proyecto',
		'proyecto',
		'titulo',
		'name',
		'title',
		'nombre iniciativa',
		'iniciativa'
	],
	description: ['descripcion', 'descripcion del proyecto', 'detalle', 'description'],
	service: [
		'servicio',
		'servicio mop',
		'direccion',
		'servicio ejecutor',
		'unidad tecnica',
		'service',
		'service code',
		'servicio responsable'
	],
	stage: ['etapa', 'etapa actual', 'fase', 'stage'],
	status: ['estado', 'situacion', 'estado proyecto', 'status'],
	investment: [
		'inversion',
		'inversion clp',
		'inversion total',
		'monto',
		'monto total',
		'monto clp',
		'costo total',
		'costo',
		'presupuesto',
		'investment',
		'investment clp'
	],
	start_on: ['fecha inicio', 'inicio', 'fecha de inicio', 'start', 'start on', 'fecha inicio obra'],
	end_on: [
		'fecha termino',
		'termino',
		'fecha de termino',
		'fecha fin',
		'fin',
		'end',
		'end on',
		'fecha termino obra'
	],
	commune: [
		'comuna',
		'comunas',
		'comunas participacion',
		'comunas share',
		'cod comuna',
		'codigo comuna',
		'cut comuna',
		'cut',
		'commune',
		'communes',
		'commune code'
	],
	region: ['region', 'cod region', 'codigo region', 'region code'],
	longitude: ['longitud', 'lon', 'lng', 'long', 'longitude', 'x'],
	latitude: ['latitud', 'lat', 'latitude', 'y'],
	wkt: ['geometria', 'geometria wkt', 'wkt', 'geom', 'geometry', 'the geom', 'shape']
};

const BY_SYNONYM = new Map<string, ImportField>(
	Object.entries(SYNONYMS).flatMap(([field, names]) =>
		names.map((name) => [normalize(name), field as ImportField])
	)
);

/** The field a header stands for, when it is one of the usual names. */
export function fieldOfHeader(header: string): ImportField | null {
	return BY_SYNONYM.get(normalize(header)) ?? null;
}

/** The mapping the headers suggest: each field takes the first header that names it. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
	const mapping: ColumnMapping = {};
	for (const header of headers) {
		const field = fieldOfHeader(header);
		if (field && !mapping[field]) mapping[field] = header;
	}
	return mapping;
}

/** Keeps only known fields naming one of the headers: a saved or posted mapping cannot inject anything else. */
export function cleanMapping(raw: unknown, headers: readonly string[]): ColumnMapping {
	const mapping: ColumnMapping = {};
	if (!raw || typeof raw !== 'object') return mapping;
	for (const field of IMPORT_FIELDS) {
		const header = (raw as Record<string, unknown>)[field];
		if (typeof header === 'string' && headers.includes(header)) mapping[field] = header;
	}
	return mapping;
}
