import type { SampleTerritory } from './territory.ts';
import { regionalGovernmentName, regionLabel } from './texts.ts';
import type { InstitutionKind, InstitutionLevel } from './enums.ts';

/**
 * The institutions of the domain (ministries and services, regional governments, provincial
 * delegations, municipalities, SEREMIs, MOP regional directions and each region's Technical
 * Secretariat of the MOP Regional Council), derived from the territory so that there is one of each
 * where the administration has one.
 *
 * They are real bodies, not sample inventions, so the loader adds the missing ones and never
 * deletes any. Rows refer to them by `key` (e.g. 'gore:05'), which the loader maps to ids.
 */

export interface SampleInstitution {
	key: string;
	name: string;
	acronym: string | null;
	kind: InstitutionKind;
	level: InstitutionLevel;
	region_code: string | null;
	province_code: string | null;
	commune_code: string | null;
}

/** MOP services that have a regional direction, with the mop_services code they execute. */
export const REGIONAL_MOP_DIRECTIONS = [
	{ key: 'dv', service: 'vialidad', name: 'Dirección Regional de Vialidad', acronym: 'DV' },
	{
		key: 'doh',
		service: 'obras_hidraulicas',
		name: 'Dirección Regional de Obras Hidráulicas',
		acronym: 'DOH'
	},
	{
		key: 'dop',
		service: 'obras_portuarias',
		name: 'Dirección Regional de Obras Portuarias',
		acronym: 'DOP'
	},
	{ key: 'da', service: 'arquitectura', name: 'Dirección Regional de Arquitectura', acronym: 'DA' },
	{ key: 'dap', service: 'aeropuertos', name: 'Dirección Regional de Aeropuertos', acronym: 'DAP' },
	{ key: 'ssr', service: 'agua_potable_rural', name: 'Servicios Sanitarios Rurales', acronym: 'SSR' },
	{
		key: 'dirplan',
		service: 'planeamiento',
		name: 'Dirección Regional de Planeamiento',
		acronym: 'DIRPLAN'
	}
] as const;

const NATIONAL: readonly Omit<
	SampleInstitution,
	'level' | 'region_code' | 'province_code' | 'commune_code'
>[] = [
	{ key: 'mop', name: 'Ministerio de Obras Públicas', acronym: 'MOP', kind: 'ministry' },
	{ key: 'minvu', name: 'Ministerio de Vivienda y Urbanismo', acronym: 'MINVU', kind: 'ministry' },
	{ key: 'mma', name: 'Ministerio del Medio Ambiente', acronym: 'MMA', kind: 'ministry' },
	{ key: 'mdsf', name: 'Ministerio de Desarrollo Social y Familia', acronym: 'MDSF', kind: 'ministry' },
	{ key: 'minsal', name: 'Ministerio de Salud', acronym: 'MINSAL', kind: 'ministry' },
	{ key: 'dgop', name: 'Dirección General de Obras Públicas', acronym: 'DGOP', kind: 'service' },
	{ key: 'subsecop', name: 'Subsecretaría de Obras Públicas', acronym: 'SOP', kind: 'service' },
	{
		key: 'subdere',
		name: 'Subsecretaría de Desarrollo Regional y Administrativo',
		acronym: 'SUBDERE',
		kind: 'service'
	},
	{ key: 'sea', name: 'Servicio de Evaluación Ambiental', acronym: 'SEA', kind: 'service' },
	{ key: 'dt', name: 'Dirección del Trabajo', acronym: 'DT', kind: 'service' },
	{ key: 'dga', name: 'Dirección General de Aguas', acronym: 'DGA', kind: 'service' },
	{
		key: 'dgc',
		name: 'Dirección General de Concesiones de Obras Públicas',
		acronym: 'DGC',
		kind: 'service'
	},
	{ key: 'dv', name: 'Dirección de Vialidad', acronym: 'DV', kind: 'service' },
	{ key: 'doh', name: 'Dirección de Obras Hidráulicas', acronym: 'DOH', kind: 'service' },
	{ key: 'dop', name: 'Dirección de Obras Portuarias', acronym: 'DOP', kind: 'service' },
	{ key: 'da', name: 'Dirección de Arquitectura', acronym: 'DA', kind: 'service' },
	{ key: 'dap', name: 'Dirección de Aeropuertos', acronym: 'DAP', kind: 'service' },
	{ key: 'ssr', name: 'Subdirección de Servicios Sanitarios Rurales', acronym: 'SSR', kind: 'service' },
	{ key: 'dirplan', name: 'Dirección de Planeamiento', acronym: 'DIRPLAN', kind: 'service' }
];

const SEREMIS = [
	{ key: 'seremi_mop', name: 'SEREMI de Obras Públicas', acronym: 'SEREMI MOP' },
	{ key: 'seremi_minvu', name: 'SEREMI de Vivienda y Urbanismo', acronym: 'SEREMI MINVU' },
	{ key: 'seremi_mma', name: 'SEREMI del Medio Ambiente', acronym: 'SEREMI MMA' },
	{ key: 'seremi_salud', name: 'SEREMI de Salud', acronym: 'SEREMI Salud' },
	{ key: 'seremi_mdsf', name: 'SEREMI de Desarrollo Social y Familia', acronym: 'SEREMI MDSF' }
] as const;

export const institutionKey = {
	national: (key: string) => `nac:${key}`,
	regional: (key: string, region: string) => `${key}:${region}`,
	gore: (region: string) => `gore:${region}`,
	secretariat: (region: string) => `st:${region}`,
	delegation: (province: string) => `dpp:${province}`,
	municipality: (commune: string) => `muni:${commune}`
};

/** The Metropolitan Region has no sea, and no regional direction of Obras Portuarias. */
export const hasRegionalDirection = (key: string, region: string) => !(key === 'dop' && region === '13');

/** A province holding its region's capital (CUT code ending in 1) has the regional delegation instead. */
export const hasProvincialDelegation = (provinceCode: string) => !provinceCode.endsWith('1');

export function institutionCatalogue(territory: SampleTerritory): SampleInstitution[] {
	const list: SampleInstitution[] = NATIONAL.map((i) => ({
		...i,
		key: institutionKey.national(i.key),
		level: 'national',
		region_code: null,
		province_code: null,
		commune_code: null
	}));
	const regional = (
		key: string,
		name: string,
		acronym: string | null,
		kind: InstitutionKind,
		region: string
	) =>
		list.push({
			key,
			name,
			acronym,
			kind,
			level: 'regional',
			region_code: region,
			province_code: null,
			commune_code: null
		});

	for (const region of territory.regions) {
		const label = regionLabel(region.code, region.name);
		regional(
			institutionKey.gore(region.code),
			regionalGovernmentName(region.code, region.name),
			'GORE',
			'regional_government',
			region.code
		);
		regional(
			institutionKey.secretariat(region.code),
			`Secretaría Técnica del Consejo Regional MOP, ${label}`,
			'ST CRMOP',
			'council_secretariat',
			region.code
		);
		for (const seremi of SEREMIS) {
			regional(
				institutionKey.regional(seremi.key, region.code),
				`${seremi.name}, ${label}`,
				seremi.acronym,
				'seremi',
				region.code
			);
		}
		for (const direction of REGIONAL_MOP_DIRECTIONS) {
			if (!hasRegionalDirection(direction.key, region.code)) continue;
			regional(
				institutionKey.regional(direction.key, region.code),
				`${direction.name}, ${label}`,
				direction.acronym,
				'service',
				region.code
			);
		}
		regional(
			institutionKey.regional('sea', region.code),
			`Servicio de Evaluación Ambiental, ${label}`,
			'SEA',
			'service',
			region.code
		);
		regional(
			institutionKey.regional('dt', region.code),
			`Dirección Regional del Trabajo, ${label}`,
			'DT',
			'service',
			region.code
		);
	}
	for (const province of territory.provinces) {
		if (!hasProvincialDelegation(province.code)) continue;
		list.push({
			key: institutionKey.delegation(province.code),
			name: `Delegación Presidencial Provincial de ${province.name}`,
			acronym: 'DPP',
			kind: 'provincial_delegation',
			level: 'provincial',
			region_code: province.region_code,
			province_code: province.code,
			commune_code: null
		});
	}
	for (const commune of territory.communes) {
		// Antártica is administered from Cabo de Hornos: it has no municipality of its own.
		if (commune.areaKm2 === null) continue;
		list.push({
			key: institutionKey.municipality(commune.code),
			name: `Municipalidad de ${commune.name}`,
			acronym: null,
			kind: 'municipality',
			level: 'communal',
			region_code: commune.region_code,
			province_code: null,
			commune_code: commune.code
		});
	}
	return list;
}
