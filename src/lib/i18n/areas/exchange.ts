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
