import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { offlineStyle } from './style';

describe('offlineStyle', () => {
	it('is a valid MapLibre style', () => {
		expect(validateStyleMin(offlineStyle())).toEqual([]);
	});

	it('fetches nothing: no sources, no glyph server, no sprite', () => {
		const style = offlineStyle();
		expect(style.sources).toEqual({});
		expect(style.glyphs).toBeUndefined();
		expect(style.sprite).toBeUndefined();
		expect(JSON.stringify(style)).not.toMatch(/https?:/);
	});
});
