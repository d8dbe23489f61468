// Messages of the dashboard's map tools (drawn areas) and performance work (issue 7). Each area keeps its own catalogue so that parallel work on the
// areas does not collide in one file; es.ts and en.ts merge them, and the type of en keeps every
// key translated.
export const es = {
	'areaTool.legend': 'Área en el mapa',
	'areaTool.radius': 'Radio (km)',
	'areaTool.circle': 'Círculo: clic en el mapa',
	'areaTool.polygon': 'Polígono: clics en el mapa',
	'areaTool.finish': 'Cerrar polígono',
	'areaTool.cancel': 'Cancelar',
	'areaTool.clear': 'Quitar área',
	'areaTool.typed': 'Escribir el centro del círculo',
	'areaTool.lat': 'Latitud',
	'areaTool.lon': 'Longitud',
	'areaTool.apply': 'Aplicar círculo',
	'areaTool.status.circle': 'Haga clic en el mapa para fijar el centro de un círculo de {km} km.',
	'areaTool.status.polygon': 'Haga clic en el mapa para agregar vértices ({count} hasta ahora; mínimo 3).',
	'areaTool.status.circleApplied': 'Filtrando por un círculo de {km} km.',
	'areaTool.status.polygonApplied': 'Filtrando por el polígono dibujado.',
	'areaTool.error.centre': 'Escriba una latitud entre -90 y 90 y una longitud entre -180 y 180.',
	'areaTool.error.radius': 'El radio debe estar entre {min} y {max} km.'
} as const;
