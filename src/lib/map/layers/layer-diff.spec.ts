import { describe, expect, it } from 'vitest';
import { diffLayer } from './layer-diff';

describe('diffLayer', () => {
	it('finds nothing to do when only object identity changed', () => {
		const paint = { 'fill-color': ['case', ['==', ['get', 'code'], 'a1'], '#e66101', '#ddd'] };
		expect(diffLayer({ paint }, { paint: structuredClone(paint) })).toEqual([]);
	});

	it('updates only the changed paint property', () => {
		expect(
			diffLayer(
				{ paint: { 'fill-color': '#aaa', 'fill-opacity': 0.8 } },
				{ paint: { 'fill-color': '#bbb', 'fill-opacity': 0.8 } }
			)
		).toEqual([{ kind: 'paint', name: 'fill-color', value: '#bbb' }]);
	});

	it('resets a removed layout property and sets a new filter', () => {
		expect(
			diffLayer(
				{ layout: { 'text-size': 12 }, filter: ['==', ['get', 'level'], 'area'] },
				{ layout: {}, filter: ['==', ['get', 'level'], 'zone'] }
			)
		).toEqual([
			{ kind: 'layout', name: 'text-size', value: undefined },
			{ kind: 'filter', value: ['==', ['get', 'level'], 'zone'] }
		]);
	});

	it('changes the zoom range as a pair, with MapLibre defaults for a missing end', () => {
		expect(diffLayer({ minzoom: 5 }, { minzoom: 6 })).toEqual([
			{ kind: 'zoomRange', minzoom: 6, maxzoom: 24 }
		]);
	});
});
