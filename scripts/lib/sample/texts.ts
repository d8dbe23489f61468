/**
 * Spanish vocabulary for the sample, written for this project: real route codes, rivers and
 * airfields of each region (so that names read like a MOP portfolio), and common rural place names
 * for sectors and localities. Nothing here claims that a given project exists.
 */

/** "de Valparaíso", "del Maule", "del Libertador General Bernardo O'Higgins": how names follow "Región". */
export function ofRegion(code: string, name: string): string {
	if (code === '06' || code === '07' || code === '08') return `del ${name}`;
	if (code === '13') return 'Metropolitana de Santiago';
	return `de ${name}`;
}

/** "Región de Valparaíso", "Región del Maule", "Región Metropolitana de Santiago"… */
export const regionLabel = (code: string, name: string) => `Región ${ofRegion(code, name)}`;

/** "Gobierno Regional del Maule", "Gobierno Regional Metropolitano de Santiago"… */
export const regionalGovernmentName = (code: string, name: string) =>
	code === '13'
		? 'Gobierno Regional Metropolitano de Santiago'
		: `Gobierno Regional ${ofRegion(code, name)}`;

interface RegionVocabulary {
	/** National routes crossing the region first, then regional ones with the region's letter. */
	routes: readonly string[];
	/** Rivers, esteros and quebradas, with their generic word. */
	waters: readonly string[];
}

export const REGION_VOCABULARY: Readonly<Record<string, RegionVocabulary>> = {
	'15': {
		routes: ['Ruta 5', 'Ruta 11-CH', 'Ruta A-27', 'Ruta A-31', 'Ruta A-93'],
		waters: ['río Lluta', 'río San José', 'quebrada de Camarones', 'quebrada de Vítor']
	},
	'01': {
		routes: ['Ruta 5', 'Ruta 1', 'Ruta 15-CH', 'Ruta 16', 'Ruta A-65', 'Ruta A-750'],
		waters: ['quebrada de Tarapacá', 'quebrada de Camiña', 'quebrada de Aroma', 'quebrada de Parca']
	},
	'02': {
		routes: ['Ruta 5', 'Ruta 1', 'Ruta 23-CH', 'Ruta 24', 'Ruta 25', 'Ruta 27-CH', 'Ruta B-385'],
		waters: ['río Loa', 'río San Pedro', 'río Salado', 'quebrada La Negra']
	},
	'03': {
		routes: ['Ruta 5', 'Ruta 31-CH', 'Ruta C-13', 'Ruta C-17', 'Ruta C-35', 'Ruta C-46'],
		waters: ['río Copiapó', 'río Huasco', 'río El Carmen', 'río El Tránsito', 'quebrada de Paipote']
	},
	'04': {
		routes: ['Ruta 5', 'Ruta 41-CH', 'Ruta 43', 'Ruta 45', 'Ruta D-485', 'Ruta D-55', 'Ruta D-705'],
		waters: ['río Elqui', 'río Limarí', 'río Choapa', 'río Hurtado', 'río Illapel']
	},
	'05': {
		routes: [
			'Ruta 5',
			'Ruta 68',
			'Ruta 60-CH',
			'Ruta 62',
			'Ruta 64',
			'Ruta F-30-E',
			'Ruta F-20',
			'Ruta E-41'
		],
		waters: ['río Aconcagua', 'río Petorca', 'río La Ligua', 'estero Marga Marga', 'estero Casablanca']
	},
	'06': {
		routes: ['Ruta 5', 'Ruta 90', 'Ruta 66', 'Ruta H-10', 'Ruta H-30', 'Ruta I-50', 'Ruta I-72'],
		waters: ['río Cachapoal', 'río Tinguiririca', 'río Claro', 'estero Nilahue', 'estero Zamorano']
	},
	'07': {
		routes: ['Ruta 5', 'Ruta 115-CH', 'Ruta 128', 'Ruta J-60', 'Ruta K-25', 'Ruta L-45', 'Ruta M-50'],
		waters: ['río Maule', 'río Mataquito', 'río Lontué', 'río Teno', 'río Loncomilla', 'río Claro']
	},
	'08': {
		routes: [
			'Ruta 5',
			'Ruta 160',
			'Ruta 156',
			'Ruta 180',
			'Ruta O-60',
			'Ruta P-72-S',
			'Ruta Q-45',
			'Ruta Q-61-R'
		],
		waters: ['río Biobío', 'río Laja', 'río Andalién', 'río Carampangue', 'río Duqueco']
	},
	'09': {
		routes: ['Ruta 5', 'Ruta 181-CH', 'Ruta 199-CH', 'Ruta R-49', 'Ruta R-86', 'Ruta S-16', 'Ruta S-40'],
		waters: ['río Cautín', 'río Toltén', 'río Imperial', 'río Malleco', 'río Allipén']
	},
	'10': {
		routes: [
			'Ruta 5',
			'Ruta 7',
			'Ruta 215-CH',
			'Ruta 225',
			'Ruta 231-CH',
			'Ruta U-55',
			'Ruta V-69',
			'Ruta W-10'
		],
		waters: ['río Maullín', 'río Rahue', 'río Petrohué', 'río Futaleufú', 'río Negro']
	},
	'11': {
		routes: ['Ruta 7', 'Ruta 240', 'Ruta 245-CH', 'Ruta 265-CH', 'Ruta X-25', 'Ruta X-83'],
		waters: ['río Aysén', 'río Simpson', 'río Baker', 'río Cisnes', 'río Ibáñez']
	},
	'12': {
		routes: ['Ruta 9', 'Ruta 255-CH', 'Ruta 257-CH', 'Ruta Y-65', 'Ruta Y-71', 'Ruta Y-290'],
		waters: ['río Las Minas', 'río Serrano', 'río Side', 'río Penitente', 'río Pérez']
	},
	'13': {
		routes: [
			'Ruta 5',
			'Ruta 68',
			'Ruta 78',
			'Ruta 57-CH',
			'Ruta G-16',
			'Ruta G-21',
			'Ruta G-25',
			'Ruta G-46'
		],
		waters: ['río Mapocho', 'río Maipo', 'estero Lampa', 'estero Puangue', 'río Angostura']
	},
	'14': {
		routes: ['Ruta 5', 'Ruta 202', 'Ruta 203-CH', 'Ruta 206', 'Ruta T-35', 'Ruta T-60', 'Ruta T-85'],
		waters: ['río Calle-Calle', 'río Valdivia', 'río San Pedro', 'río Bueno', 'río Cruces']
	},
	'16': {
		routes: ['Ruta 5', 'Ruta 148', 'Ruta N-31', 'Ruta N-45', 'Ruta N-55', 'Ruta N-59-Q'],
		waters: ['río Ñuble', 'río Itata', 'río Diguillín', 'río Cato', 'río Chillán']
	}
};

/** "el río Maipo", "la quebrada de Tarapacá": a water with its article. */
export const theWater = (water: string) => `${water.startsWith('quebrada') ? 'la' : 'el'} ${water}`;
/** "del río Maipo", "de la quebrada de Tarapacá". */
export const ofWater = (water: string) => (water.startsWith('quebrada') ? `de la ${water}` : `del ${water}`);

/** Airports and airfields of the public network, with the comuna they lie in. */
export const AIRFIELDS: readonly { commune: string; name: string }[] = [
	{ commune: '15101', name: 'Aeropuerto Chacalluta' },
	{ commune: '01101', name: 'Aeropuerto Diego Aracena' },
	{ commune: '02101', name: 'Aeropuerto Andrés Sabella' },
	{ commune: '02201', name: 'Aeropuerto El Loa' },
	{ commune: '03102', name: 'Aeropuerto Desierto de Atacama' },
	{ commune: '04101', name: 'Aeropuerto La Florida' },
	{ commune: '05201', name: 'Aeropuerto Mataveri' },
	{ commune: '05104', name: 'Aeródromo Robinson Crusoe' },
	{ commune: '13124', name: 'Aeropuerto Arturo Merino Benítez' },
	{ commune: '06201', name: 'Aeródromo de Pichilemu' },
	{ commune: '07101', name: 'Aeródromo Panguilemo' },
	{ commune: '07301', name: 'Aeródromo General Freire' },
	{ commune: '16101', name: "Aeródromo Bernardo O'Higgins" },
	{ commune: '08110', name: 'Aeropuerto Carriel Sur' },
	{ commune: '08301', name: 'Aeródromo María Dolores' },
	{ commune: '09105', name: 'Aeropuerto La Araucanía' },
	{ commune: '09115', name: 'Aeródromo de Pucón' },
	{ commune: '14106', name: 'Aeródromo Pichoy' },
	{ commune: '10101', name: 'Aeropuerto El Tepual' },
	{ commune: '10301', name: 'Aeródromo Cañal Bajo' },
	{ commune: '10205', name: 'Aeródromo Mocopulli' },
	{ commune: '10401', name: 'Aeródromo de Chaitén' },
	{ commune: '11101', name: 'Aeródromo Balmaceda' },
	{ commune: '11101', name: 'Aeródromo Teniente Vidal' },
	{ commune: '11401', name: 'Aeródromo de Chile Chico' },
	{ commune: '12101', name: 'Aeropuerto Presidente Carlos Ibáñez del Campo' },
	{ commune: '12401', name: 'Aeródromo Teniente Julio Gallardo' },
	{ commune: '12201', name: 'Aeródromo Guardiamarina Zañartu' },
	{ commune: '12301', name: 'Aeródromo Capitán Fuentes Martínez' }
];

/** Rural sectors and localities: names common all over Chile, used for roads, APR and sectors. */
export const LOCALITIES: readonly string[] = [
	'Los Aromos',
	'El Peumo',
	'Las Vertientes',
	'El Molino',
	'Santa Rosa',
	'San José',
	'La Palma',
	'El Boldo',
	'Los Canelos',
	'Piedra Azul',
	'El Salto',
	'Las Mercedes',
	'La Capilla',
	'Los Maitenes',
	'El Manzano',
	'Quebrada Honda',
	'Los Quillayes',
	'El Romeral',
	'Las Juntas',
	'La Esperanza',
	'Los Robles',
	'El Carmen',
	'San Antonio',
	'La Vega',
	'El Arrayán',
	'Las Pataguas',
	'Rinconada',
	'El Maqui',
	'Los Coihues',
	'La Isla',
	'Santa Elena',
	'El Totoral',
	'Los Perales',
	'Cuatro Esquinas',
	'El Pangue',
	'Los Tilos',
	'El Almendro',
	'Las Quilas',
	'Lo Herrera',
	'El Durazno',
	'Los Castaños',
	'La Puntilla',
	'Santa Inés',
	'El Retiro',
	'Las Rosas',
	'Los Laureles',
	'El Sauce',
	'Piedra Blanca',
	'Las Lomas',
	'El Llano',
	'La Montaña',
	'Los Nogales',
	'San Pedro',
	'El Porvenir',
	'Las Canteras',
	'La Aguada',
	'El Huape',
	'Los Lingues',
	'Santa Teresa',
	'El Radal',
	'Las Palmas',
	'La Turbina'
];

/** Streets and sectors of towns, for storm drains and urban works. */
export const URBAN_SECTORS: readonly string[] = [
	'Avenida Costanera',
	'calle Arturo Prat',
	'Avenida Bernardo O’Higgins',
	'calle Manuel Rodríguez',
	'Avenida Libertad',
	'sector Población Nueva',
	'calle Balmaceda',
	'Avenida Los Carrera',
	'sector Villa Los Héroes',
	'calle Esmeralda',
	'Avenida Pedro Aguirre Cerda',
	'sector Estación',
	'calle Freire',
	'Avenida Circunvalación',
	'sector El Mirador',
	'calle Yungay'
];

/** Heritage buildings a Dirección de Arquitectura restores. */
export const HERITAGE_BUILDINGS: readonly string[] = [
	'Iglesia parroquial',
	'Mercado municipal',
	'Antigua estación de ferrocarriles',
	'Teatro municipal',
	'Casa de la cultura',
	'Edificio de la antigua aduana',
	'Capilla histórica',
	'Liceo histórico'
];
