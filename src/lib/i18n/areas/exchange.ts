// Messages of OC4IDS and command-line exports, the developers' API page and the data-quality flags (issue 11). Each area keeps its own catalogue so that parallel work on the
// areas does not collide in one file; es.ts and en.ts merge them, and the type of en keeps every
// key translated.
export const es = {
	'nav.quality': 'Calidad de datos',
	'nav.developers': 'API',
	'developers.title': 'API para desarrolladores',
	'developers.intro':
		'Los datos públicos del tablero (proyectos, comunas, acuerdos, compromisos, alertas de calidad) se leen por una API REST (PostgREST, la de Supabase) con la clave pública de abajo. Esta página se genera de la descripción OpenAPI que entrega la propia API, así que lista exactamente lo que un visitante anónimo puede usar.',
	'developers.access': 'Acceso',
	'developers.apiUrl': 'URL de la API',
	'developers.version': 'Versión',
	'developers.accessHint':
		'Envíe la clave pública (anon) en la cabecera apikey. Es pública: la misma que usa el navegador de cada visitante; la base de datos decide qué puede leer (solo información pública) y no permite escribir.',
	'developers.examples': 'Ejemplo: los proyectos de la comuna {commune}',
	'developers.communeLabel': 'Código de su comuna (CUT, 5 dígitos)',
	'developers.communeApply': 'Ver los ejemplos',
	'developers.curlTable': 'Con curl, por la tabla de comunas de cada proyecto',
	'developers.curlRpc': 'Con curl, con el mismo filtro que usan las páginas del tablero',
	'developers.js': 'Con supabase-js (JavaScript o TypeScript)',
	'developers.exports': 'Descargas en OC4IDS, CSV o GeoJSON',
	'developers.exportsHint':
		'Las descargas /api/export/proyectos.csv, proyectos.geojson y proyectos.oc4ids.json aceptan los mismos parámetros que las páginas (region, comuna, servicio, etapa, estado, calidad…). Desde un servidor propio: npm run export -- --format oc4ids --comuna CÓDIGO.',
	'developers.paging':
		'La API entrega como máximo 1.000 filas por respuesta: pida las siguientes con la cabecera Range (curl) o .range(desde, hasta) (supabase-js).',
	'developers.tables': 'Tablas y vistas',
	'developers.column': 'Columna',
	'developers.type': 'Tipo',
	'developers.notes': 'Notas',
	'developers.primaryKey': 'Clave primaria',
	'developers.references': 'Se refiere a {target}',
	'developers.required': 'Obligatoria',
	'developers.values': 'Valores: {values}',
	'developers.functions': 'Funciones (RPC)',
	'developers.params': 'Parámetros',
	'developers.optional': 'opcional',
	'developers.noParams': 'Sin parámetros.',
	'filters.field.quality': 'Calidad de datos',
	'filters.anyQuality': 'Con o sin alertas',
	'quality.title': 'Calidad de datos',
	'quality.intro':
		'Alertas calculadas por la base de datos a partir de lo que dicen los proyectos y compromisos. Cada número lleva a la lista de lo que hay que revisar; al corregir el dato, la alerta desaparece.',
	'quality.rules': 'Cómo se calcula cada alerta',
	'quality.caption': 'Proyectos y compromisos con cada alerta, por región',
	'quality.region': 'Región',
	'quality.country': 'Todo el país',
	'quality.cellLabel': '{count} con «{flag}» en {place}',
	'quality.countsNote':
		'Un proyecto que toca dos regiones cuenta en ambas y una sola vez en el total del país. Los compromisos de acuerdos nacionales solo cuentan en el total.',
	'quality.commitmentsHint':
		'No están vinculados a ningún proyecto ni comuna, así que ninguna página territorial los muestra. Ábralos en su acuerdo para vincularlos.',
	'quality.noCommitments': 'No hay compromisos sin proyecto ni comuna.',
	'quality.commitmentsMore': 'Se muestran {shown} de {total}.',
	'quality.help.missing_bip': 'El proyecto no tiene código BIP del Banco Integrado de Proyectos.',
	'quality.help.duplicate_bip':
		'Otro proyecto lleva el mismo número BIP, escrito de otra forma (ceros a la izquierda, otro dígito tras el guion, k minúscula).',
	'quality.help.far_from_declared_commune':
		'La geometría está a más de 5 km de la comuna que declaró la fuente del dato.',
	'quality.help.point_for_linear_work':
		'El nombre describe una obra lineal (camino, ruta, canal, colector…) pero su geometría es un punto. Los puentes y enlaces sí son puntos.',
	'quality.help.investment_outlier':
		'La inversión se aleja mucho de la habitual para su servicio y etapa (escala logarítmica, puntaje z modificado mayor que 3,5; grupos de al menos 8 proyectos).',
	'quality.help.stale': 'En curso y sin cambios ni reportes de avance en los últimos 12 meses.',
	'quality.help.commitment_unlocated': 'El compromiso no está vinculado a ningún proyecto ni comuna.',
	'quality.projectTitle': 'Calidad de datos',
	'quality.projectNone': 'Sin alertas de calidad de datos.',
	'quality.projectFix': 'Ver proyectos con la misma alerta',
	'quality.detail.bipCodes': 'Códigos: {codes}',
	'quality.detail.distance': 'A {distance} km de {commune}',
	'quality.detail.median': 'Inversión habitual (mediana) del servicio en esta etapa: {median}',
	'quality.detail.lastUpdate': 'Última actualización: {date}'
} as const;

export const en: Record<keyof typeof es, string> = {
	'nav.quality': 'Data quality',
	'nav.developers': 'API',
	'developers.title': 'API for developers',
	'developers.intro':
		'The tablero’s public data (projects, comunas, agreements, commitments, data-quality flags) can be read through a REST API (PostgREST, Supabase’s) with the public key below. This page is generated from the OpenAPI description the API itself gives, so it lists exactly what an anonymous visitor may use.',
	'developers.access': 'Access',
	'developers.apiUrl': 'API URL',
	'developers.version': 'Version',
	'developers.accessHint':
		'Send the public (anon) key in the apikey header. It is public: the same every visitor’s browser uses; the database decides what it reads (public information only) and allows no writes.',
	'developers.examples': 'Example: the projects of comuna {commune}',
	'developers.communeLabel': 'Your comuna’s code (CUT, 5 digits)',
	'developers.communeApply': 'Show the examples',
	'developers.curlTable': 'With curl, through each project’s comunas table',
	'developers.curlRpc': 'With curl, with the same filter the tablero’s pages use',
	'developers.js': 'With supabase-js (JavaScript or TypeScript)',
	'developers.exports': 'Downloads in OC4IDS, CSV or GeoJSON',
	'developers.exportsHint':
		'The downloads /api/export/proyectos.csv, proyectos.geojson and proyectos.oc4ids.json take the same parameters as the pages (region, comuna, servicio, etapa, estado, calidad…). From your own server: npm run export -- --format oc4ids --comuna CODE.',
	'developers.paging':
		'The API returns at most 1,000 rows per response: ask for the next ones with the Range header (curl) or .range(from, to) (supabase-js).',
	'developers.tables': 'Tables and views',
	'developers.column': 'Column',
	'developers.type': 'Type',
	'developers.notes': 'Notes',
	'developers.primaryKey': 'Primary key',
	'developers.references': 'Refers to {target}',
	'developers.required': 'Required',
	'developers.values': 'Values: {values}',
	'developers.functions': 'Functions (RPC)',
	'developers.params': 'Parameters',
	'developers.optional': 'optional',
	'developers.noParams': 'No parameters.',
	'filters.field.quality': 'Data quality',
	'filters.anyQuality': 'With or without flags',
	'quality.title': 'Data quality',
	'quality.intro':
		'Flags computed by the database from what projects and commitments say. Each number leads to the list to review; once the data is fixed, the flag goes away.',
	'quality.rules': 'How each flag is computed',
	'quality.caption': 'Projects and commitments with each flag, by region',
	'quality.region': 'Region',
	'quality.country': 'Whole country',
	'quality.cellLabel': '{count} with “{flag}” in {place}',
	'quality.countsNote':
		'A project touching two regions counts in both and once in the country total. Commitments of national agreements count only in the total.',
	'quality.commitmentsHint':
		'They are linked to no project and no comuna, so no territorial page shows them. Open them in their agreement to link them.',
	'quality.noCommitments': 'No commitments without project or comuna.',
	'quality.commitmentsMore': 'Showing {shown} of {total}.',
	'quality.help.missing_bip': 'The project has no BIP code (national investment bank).',
	'quality.help.duplicate_bip':
		'Another project carries the same BIP number, written differently (leading zeros, another digit after the dash, lower-case k).',
	'quality.help.far_from_declared_commune':
		'The geometry is more than 5 km from the comuna the data source declared.',
	'quality.help.point_for_linear_work':
		'The name describes a linear work (road, route, canal, collector…) but its geometry is a point. Bridges and junctions are points.',
	'quality.help.investment_outlier':
		'The investment is far from the usual for its service and stage (log scale, modified z-score above 3.5; groups of at least 8 projects).',
	'quality.help.stale': 'In progress with no change or progress report in the last 12 months.',
	'quality.help.commitment_unlocated': 'The commitment is linked to no project and no comuna.',
	'quality.projectTitle': 'Data quality',
	'quality.projectNone': 'No data-quality flags.',
	'quality.projectFix': 'See projects with the same flag',
	'quality.detail.bipCodes': 'Codes: {codes}',
	'quality.detail.distance': '{distance} km from {commune}',
	'quality.detail.median': 'Usual investment (median) of the service at this stage: {median}',
	'quality.detail.lastUpdate': 'Last update: {date}'
};
