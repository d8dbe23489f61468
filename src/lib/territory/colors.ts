/**
 * The territory maps' palette: calm blues and greys for context, one orange accent for the
 * selected area (the pair stays distinct under deuteranopia, protanopia and tritanopia).
 */
export const TERRITORY_COLORS = {
	land: '#cfe0ee',
	landHover: '#7fb0d8',
	dimmed: '#e9edf1',
	undemarcated: '#c3c8cd',
	selected: '#e66101',
	hoverOutline: '#1a2733',
	regionOutline: '#3d5a75',
	provinceOutline: '#1f3b57',
	communeOutline: '#7d95ab',
	label: '#1a2733',
	labelHalo: '#ffffff'
} as const;
