import type { ImportReference } from '../reference.ts';

/** The services the first migration loads and a few real comunas: enough for unit tests. */
export const TEST_REFERENCE: ImportReference = {
	services: [
		{ code: 'vialidad', name: 'Dirección de Vialidad', acronym: 'DV' },
		{ code: 'obras_hidraulicas', name: 'Dirección de Obras Hidráulicas', acronym: 'DOH' },
		{ code: 'obras_portuarias', name: 'Dirección de Obras Portuarias', acronym: 'DOP' },
		{ code: 'arquitectura', name: 'Dirección de Arquitectura', acronym: 'DA' }
	],
	communes: [
		{ code: '01101', name: 'Iquique', region_code: '01' },
		{ code: '01107', name: 'Alto Hospicio', region_code: '01' },
		{ code: '13101', name: 'Santiago', region_code: '13' },
		{ code: '05101', name: 'Valparaíso', region_code: '05' },
		{ code: '08101', name: 'Concepción', region_code: '08' }
	],
	regions: [
		{ code: '01', name: 'Región de Tarapacá' },
		{ code: '05', name: 'Región de Valparaíso' },
		{ code: '13', name: 'Región Metropolitana de Santiago' }
	]
};
