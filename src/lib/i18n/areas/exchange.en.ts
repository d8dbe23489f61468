// English of the exchange area's messages (src/lib/i18n/areas/exchange.ts), loaded only when someone reads in English.
import type { es } from './exchange.ts';

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
