import type { StyleSpecification } from 'maplibre-gl';

/**
 * Calm, colour-blind-safe palette (blues and greys for context, one orange accent for the selected
 * area: the pair stays distinct under deuteranopia, protanopia and tritanopia).
 */
export const MAP_COLORS = {
	sea: '#f2f6f9',
	land: '#cfe0ee',
	landHover: '#7fb0d8',
	dimmed: '#e9edf1',
	undemarcated: '#c3c8cd',
	selected: '#e66101',
	regionOutline: '#3d5a75',
	provinceOutline: '#1f3b57',
	communeOutline: '#7d95ab',
	label: '#1a2733',
	labelHalo: '#ffffff'
} as const;

/**
 * Labels are drawn without a glyph server. MapLibre 6 rasterises every glyph locally (TinySDF on a
 * canvas, with the browser's fonts) when the style has no `glyphs` URL, so the map works offline and
 * shows accents (á, ñ) without shipping PBF glyph ranges. The font stack doubles as the CSS
 * font-family list; MapLibre appends `sans-serif` as the last resort.
 */
export const LABEL_FONT = ['Noto Sans', 'DejaVu Sans', 'Liberation Sans', 'Arial'];

/** The default style: no basemap, nothing fetched from outside; our layers go on top. */
export function offlineStyle(): StyleSpecification {
	return {
		version: 8,
		name: 'Tablero Territorial (sin mapa base)',
		sources: {},
		layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_COLORS.sea } }]
	};
}
