import type { StyleSpecification } from 'maplibre-gl';

/**
 * Labels are drawn without a glyph server. MapLibre 6 rasterises every glyph locally (TinySDF on a
 * canvas, with the browser's fonts) when the style has no `glyphs` URL, so the map works offline and
 * shows accents (á, ñ) without shipping PBF glyph ranges. The font stack doubles as the CSS
 * font-family list; MapLibre appends `sans-serif` as the last resort.
 */
export const LABEL_FONT = ['Noto Sans', 'DejaVu Sans', 'Liberation Sans', 'Arial'];

/** Pale sea blue behind everything when there is no basemap (also the map's CSS background). */
export const OFFLINE_BACKGROUND = '#f2f6f9';

/** The default style: no basemap, nothing fetched from outside; our layers go on top. */
export function offlineStyle(background: string = OFFLINE_BACKGROUND): StyleSpecification {
	return {
		version: 8,
		name: 'offline',
		sources: {},
		layers: [{ id: 'background', type: 'background', paint: { 'background-color': background } }]
	};
}
