import type { StyleSpecification } from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MapContext, type SourcedLayerSpecification } from './map-context.svelte';
import { FakeMap } from './testing/fake-map';

const baseStyle = (...layerIds: string[]): StyleSpecification => ({
	version: 8,
	sources: {},
	layers: layerIds.map((id) => ({ id, type: 'background' }))
});

const fill = (id: string, source = 'areas', extra: Record<string, unknown> = {}) =>
	({ id, type: 'fill', source, paint: { 'fill-color': '#aaa' }, ...extra }) as SourcedLayerSpecification;

const points = { type: 'FeatureCollection', features: [] } as GeoJSON.FeatureCollection;

/** A context attached to a fake map whose first style has loaded. */
function loadedContext(style = baseStyle('background', 'labels')) {
	const map = new FakeMap(style);
	const context = new MapContext<FakeMap>();
	context.attach(map, null);
	map.finishStyleLoad();
	return { map, context };
}

describe('MapContext lifecycle', () => {
	let warn: ReturnType<typeof vi.spyOn>;
	beforeEach(() => {
		warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
	});
	afterEach(() => warn.mockRestore());

	it('records changes made before the first style and applies them on style.load', () => {
		const map = new FakeMap(baseStyle('background'));
		const context = new MapContext<FakeMap>();
		context.attach(map, null);
		context.addSource('areas', { type: 'geojson', data: points });
		context.addLayer(fill('areas-fill'));
		expect(map.calls).toEqual([]);
		map.finishStyleLoad();
		expect(map.getLayersOrder()).toEqual(['background', 'areas-fill']);
		expect(context.styleGeneration).toBe(1);
	});

	it('adds sources and layers, honouring beforeId', () => {
		const { map, context } = loadedContext();
		context.addSource('areas', { type: 'geojson', data: '/areas.geojson' });
		context.addLayer(fill('areas-fill'), 'labels');
		context.addLayer(fill('areas-outline'));
		context.addLayer(fill('areas-hover'), 'areas-outline');
		expect(map.getLayersOrder()).toEqual([
			'background',
			'areas-fill',
			'labels',
			'areas-hover',
			'areas-outline'
		]);
		expect(map.getSource('areas')?.spec).toEqual({ type: 'geojson', data: '/areas.geojson' });
	});

	it('refuses a layer whose source is not on the map and a duplicate id', () => {
		const { context } = loadedContext();
		expect(() => context.addLayer(fill('x', 'nowhere'))).toThrowError(/nowhere/);
		context.addSource('areas', { type: 'geojson', data: points });
		context.addLayer(fill('x'));
		expect(() => context.addLayer(fill('x'))).toThrowError(/already/);
	});

	it('puts a layer on top, with a warning, when its beforeId is missing', () => {
		const { map, context } = loadedContext();
		context.addSource('areas', { type: 'geojson', data: points });
		context.addLayer(fill('areas-fill'), 'no-such-layer');
		expect(map.getLayersOrder().at(-1)).toBe('areas-fill');
		expect(warn).toHaveBeenCalledOnce();
	});

	it('updates only what changed, with setFilter for a new filter, and keeps the layer', () => {
		const { map, context } = loadedContext();
		context.addSource('areas', { type: 'geojson', data: points });
		context.addLayer(fill('areas-fill', 'areas', { filter: ['==', ['get', 'kind'], 'a'] }));
		map.calls = [];
		context.updateLayer('areas-fill', {
			paint: { 'fill-color': '#aaa' },
			filter: ['==', ['get', 'kind'], 'b']
		});
		context.updateLayer('areas-fill', {
			paint: { 'fill-color': '#bbb' },
			filter: ['==', ['get', 'kind'], 'b']
		});
		expect(map.calls).toEqual([
			['setFilter', 'areas-fill', ['==', ['get', 'kind'], 'b']],
			['setPaintProperty', 'areas-fill', 'fill-color', '#bbb']
		]);
	});

	it('moves a layer when its beforeId changes', () => {
		const { map, context } = loadedContext();
		context.addSource('areas', { type: 'geojson', data: points });
		context.addLayer(fill('areas-fill'));
		context.moveLayer('areas-fill', 'labels');
		context.moveLayer('areas-fill', 'labels');
		expect(map.callsOf('moveLayer')).toEqual([['areas-fill', 'labels']]);
		expect(map.getLayersOrder()).toEqual(['background', 'areas-fill', 'labels']);
	});

	it('hands GeoJSON over untouched and refreshes tiles only when the URLs change', () => {
		const { map, context } = loadedContext();
		context.addSource('areas', { type: 'geojson', data: points });
		context.addSource('tiles', { type: 'vector', tiles: ['/t/{z}/{x}/{y}?a=1'] });
		const next = { type: 'FeatureCollection', features: [] } as GeoJSON.FeatureCollection;
		context.setGeoJSONData('areas', next);
		expect(map.callsOf('setData')[0][1]).toBe(next);
		context.setTiles('tiles', ['/t/{z}/{x}/{y}?a=1']);
		context.setTiles('tiles', ['/t/{z}/{x}/{y}?a=2']);
		expect(map.callsOf('setTiles')).toEqual([['tiles', ['/t/{z}/{x}/{y}?a=2']]]);
		expect(map.callsOf('removeSource')).toEqual([]);
		expect(() => context.setTiles('areas', [])).toThrowError(/geojson source, not vector/);
	});

	it('re-adds sources, partial updates and layers in order with beforeId after a style swap', () => {
		const { map, context } = loadedContext(baseStyle('background', 'labels'));
		context.addSource('areas', { type: 'geojson', data: points, promoteId: 'code' });
		context.addSource('tiles', { type: 'vector', tiles: ['/t/{z}/{x}/{y}?a=1'] });
		context.addLayer(fill('areas-fill'), 'labels');
		context.addLayer(fill('areas-outline'), 'labels');
		context.addLayer(fill('dots', 'tiles', { 'source-layer': 'items' }));
		context.updateLayer('areas-fill', { paint: { 'fill-color': '#123456' } });
		context.setTiles('tiles', ['/t/{z}/{x}/{y}?a=2']);
		const diff = { remove: ['01101'] };
		context.updateGeoJSONData('areas', diff);

		context.setStyle(baseStyle('sea', 'labels', 'roads'));
		expect(map.getLayersOrder()).toEqual(['sea', 'labels', 'roads']);
		// A change while the new style loads is only recorded...
		context.updateLayer('areas-outline', { paint: { 'fill-color': '#654321' } });
		expect(map.callsOf('setPaintProperty')).toHaveLength(1);
		map.calls = [];
		map.finishStyleLoad();

		expect(map.getLayersOrder()).toEqual([
			'sea',
			'areas-fill',
			'areas-outline',
			'labels',
			'roads',
			'dots'
		]);
		expect(map.getLayer('areas-fill')?.spec.paint).toEqual({ 'fill-color': '#123456' });
		expect(map.getLayer('areas-outline')?.spec.paint).toEqual({ 'fill-color': '#654321' });
		expect(map.getLayer('dots')?.spec['source-layer']).toBe('items');
		expect(map.getSource('tiles')?.spec).toEqual({
			type: 'vector',
			tiles: ['/t/{z}/{x}/{y}?a=2']
		});
		// ...and the source's partial updates are replayed on the fresh source.
		expect(map.calls.slice(0, 3)).toEqual([
			['addSource', 'areas', { type: 'geojson', data: points, promoteId: 'code' }],
			['updateData', 'areas', diff],
			['addSource', 'tiles', { type: 'vector', tiles: ['/t/{z}/{x}/{y}?a=2'] }]
		]);
		expect(context.styleGeneration).toBe(2);
	});

	it('puts layers on top when the new style lacks the layer they were under', () => {
		const { map, context } = loadedContext(baseStyle('background', 'labels'));
		context.addSource('areas', { type: 'geojson', data: points });
		context.addLayer(fill('areas-fill'), 'labels');
		context.setStyle(baseStyle('other'));
		map.finishStyleLoad();
		expect(map.getLayersOrder()).toEqual(['other', 'areas-fill']);
	});

	it('forgets a new data set’s partial updates: replacing data starts the log again', () => {
		const { map, context } = loadedContext();
		context.addSource('areas', { type: 'geojson', data: points });
		context.updateGeoJSONData('areas', { remove: ['a'] });
		context.setGeoJSONData('areas', '/areas-v2.geojson');
		context.setStyle(baseStyle('background'));
		map.calls = [];
		map.finishStyleLoad();
		expect(map.calls).toEqual([['addSource', 'areas', { type: 'geojson', data: '/areas-v2.geojson' }]]);
	});

	it('removes layers and sources on destroy, layers first', () => {
		const { map, context } = loadedContext();
		context.addSource('areas', { type: 'geojson', data: points });
		context.addLayer(fill('areas-fill'));
		context.addLayer(fill('areas-outline'));
		context.removeLayer('areas-outline');
		// A source removed with a layer still on it takes the layer along instead of throwing.
		context.removeSource('areas');
		expect(map.getLayersOrder()).toEqual(['background', 'labels']);
		expect(map.sources.size).toBe(0);
		expect(context.layerIds).toEqual([]);
		expect(context.sourceIds).toEqual([]);
	});

	it('does nothing on a removed map', () => {
		const { map, context } = loadedContext();
		context.addSource('areas', { type: 'geojson', data: points });
		context.detach();
		map.calls = [];
		context.removeSource('areas');
		context.setStyle(baseStyle('x'));
		map.finishStyleLoad();
		expect(map.calls).toEqual([]);
	});

	it('is ready once every source has loaded, and again after new data', () => {
		const { map, context } = loadedContext();
		context.addSource('areas', { type: 'geojson', data: points });
		context.addSource('tiles', { type: 'vector', tiles: ['/t/{z}/{x}/{y}'] });
		map.loaded.add('areas');
		map.fire('idle');
		expect(context.ready).toBe(false);
		map.loaded.add('tiles');
		map.fire('idle');
		expect(context.ready).toBe(true);
		context.setTiles('tiles', ['/t/{z}/{x}/{y}?b=1']);
		expect(context.ready).toBe(false);
	});

	it('is unsettled from a change sent to the map until the map is idle again', () => {
		const { map, context } = loadedContext();
		context.addSource('tiles', { type: 'vector', tiles: ['/t/{z}/{x}/{y}'] });
		map.loaded.add('tiles');
		map.fire('idle');
		expect(context.settled).toBe(true);
		// New values on features the map already has: no tile to load, still a repaint to wait for.
		context.setFeatureState({ source: 'tiles', sourceLayer: 'items', id: 7 }, { value: 3 });
		expect(context.settled).toBe(false);
		map.fire('idle');
		expect(context.settled).toBe(true);
		context.setTiles('tiles', ['/t/{z}/{x}/{y}']);
		expect(context.settled).toBe(true);
		context.setTiles('tiles', ['/t/{z}/{x}/{y}?b=1']);
		expect(context.settled).toBe(false);
		map.fire('idle');
		context.setFeatureState({ source: 'gone', id: 7 }, { value: 3 });
		expect(context.settled).toBe(true);
	});

	it('passes feature-state with its source layer to sources that exist', () => {
		const { map, context } = loadedContext();
		context.addSource('tiles', { type: 'vector', tiles: ['/t/{z}/{x}/{y}'] });
		context.setFeatureState({ source: 'tiles', sourceLayer: 'items', id: 7 }, { selected: true });
		context.setFeatureState({ source: 'gone', id: 7 }, { selected: true });
		expect(map.featureState).toEqual(new Map([['tiles/items/7', { selected: true }]]));
	});

	it('applies feature-state diffs and leaves other holders’ keys alone', () => {
		const { map, context } = loadedContext();
		context.addSource('areas', { type: 'geojson', data: points });
		const target = { source: 'areas' };
		context.setFeatureState({ source: 'areas', id: 'a' }, { hover: true });
		let applied = context.applyFeatureStates(
			target,
			new Map(),
			new Map([
				['a', { value: 1 }],
				['b', { value: 2 }]
			])
		);
		map.calls = [];
		applied = context.applyFeatureStates(target, applied, new Map([['a', { value: 3 }]]));
		expect(map.calls).toEqual([
			['setFeatureState', { source: 'areas', id: 'a' }, { value: 3 }],
			['removeFeatureState', { source: 'areas', id: 'b' }, 'value']
		]);
		context.applyFeatureStates(target, applied, new Map());
		expect(map.featureState).toEqual(new Map([['areas//a', { hover: true }]]));
	});
});
