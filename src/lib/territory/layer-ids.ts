/**
 * Source and layer ids of the territory maps, in one place for the components, the stacking
 * (`beforeId`) and the tests.
 */
export const TERRITORY_SOURCES = {
	regions: 'regiones',
	regionLabels: 'regiones-etiquetas',
	region: 'region',
	undemarcated: 'zona-sin-demarcar'
} as const;

export const TERRITORY_LAYERS = {
	regionFill: 'regiones-relleno',
	regionOutline: 'regiones-borde',
	regionLabel: 'regiones-nombre',
	communeFill: 'comunas-relleno',
	communeOutline: 'comunas-borde',
	communeHighlight: 'comunas-resalte',
	provinceOutline: 'provincias-borde',
	communeLabel: 'comunas-nombre',
	undemarcatedFill: 'zona-sin-demarcar-relleno',
	undemarcatedOutline: 'zona-sin-demarcar-borde'
} as const;
