// English of the dashboard-tools area's messages (src/lib/i18n/areas/dashboard-tools.ts), loaded only when someone reads in English.
import type { es } from './dashboard-tools.ts';

export const en: Record<keyof typeof es, string> = {
	'areaTool.legend': 'Area on the map',
	'areaTool.radius': 'Radius (km)',
	'areaTool.circle': 'Circle: click on the map',
	'areaTool.polygon': 'Polygon: clicks on the map',
	'areaTool.finish': 'Close polygon',
	'areaTool.cancel': 'Cancel',
	'areaTool.clear': 'Remove area',
	'areaTool.typed': "Type the circle's centre",
	'areaTool.lat': 'Latitude',
	'areaTool.lon': 'Longitude',
	'areaTool.apply': 'Apply circle',
	'areaTool.status.circle': 'Click on the map to place the centre of a {km} km circle.',
	'areaTool.status.polygon': 'Click on the map to add vertices ({count} so far; at least 3).',
	'areaTool.status.circleApplied': 'Filtering by a {km} km circle.',
	'areaTool.status.polygonApplied': 'Filtering by the drawn polygon.',
	'areaTool.error.centre': 'Type a latitude between -90 and 90 and a longitude between -180 and 180.',
	'areaTool.error.radius': 'The radius must be between {min} and {max} km.'
};
