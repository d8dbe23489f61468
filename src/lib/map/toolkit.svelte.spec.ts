import type { StyleSpecification } from 'maplibre-gl';
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MapContext } from './map-context.svelte';
import { FakeMap } from './testing/fake-map';
import { FixtureProps } from './testing/fixture-props.svelte';
import ToolkitFixture from './testing/ToolkitFixture.svelte';

// The toolkit's components mounted for real (Svelte's client runtime in happy-dom) on a fake map:
// what a page's props do to the map, through the effects, the context and back out on destroy.

const style = (...ids: string[]): StyleSpecification => ({
	version: 8,
	sources: {},
	layers: ids.map((id) => ({ id, type: 'background' }))
});

const mountFixture = (context: MapContext<FakeMap>, inputs: FixtureProps) =>
	mount(ToolkitFixture, { target: document.body, props: { context, inputs } });

let map: FakeMap;
let context: MapContext<FakeMap>;
let inputs: FixtureProps;
let fixture: ReturnType<typeof mountFixture> | undefined;

beforeEach(() => {
	map = new FakeMap(style('background', 'labels'));
	context = new MapContext<FakeMap>();
	context.attach(map, null);
	map.finishStyleLoad();
	inputs = new FixtureProps();
	fixture = mountFixture(context, inputs);
	flushSync();
});

afterEach(() => {
	if (fixture) void unmount(fixture);
	fixture = undefined;
});

describe('toolkit components on a map', () => {
	it('add their sources and layers, a vector layer with its source layer', () => {
		expect([...map.sources.keys()]).toEqual(['areas', 'items']);
		expect(map.getLayersOrder()).toEqual(['background', 'labels', 'areas-fill', 'items-dots']);
		expect(map.getLayer('items-dots')?.spec['source-layer']).toBe('items');
		expect(map.listenerCount('click:areas-fill')).toBe(1);
	});

	it('apply a new filter with setFilter and a new colour with setPaintProperty, never re-adding', () => {
		map.calls = [];
		inputs.kind = 'b';
		flushSync();
		inputs.color = '#bbbbbb';
		flushSync();
		expect(map.calls).toEqual([
			['setFilter', 'areas-fill', ['==', ['get', 'kind'], 'b']],
			['setPaintProperty', 'areas-fill', 'fill-color', '#bbbbbb']
		]);
	});

	it('move a layer when beforeId changes', () => {
		inputs.beforeId = 'labels';
		flushSync();
		expect(map.getLayersOrder()).toEqual(['background', 'areas-fill', 'labels', 'items-dots']);
	});

	it('hand GeoJSON over by reference and refresh tiles in place', () => {
		const data = { type: 'FeatureCollection', features: [] } as GeoJSON.FeatureCollection;
		map.calls = [];
		inputs.data = data;
		inputs.tiles = ['/tiles/{z}/{x}/{y}?a=2'];
		flushSync();
		expect(map.callsOf('setData')[0][1]).toBe(data);
		expect(map.callsOf('setTiles')).toEqual([['items', ['/tiles/{z}/{x}/{y}?a=2']]]);
		expect(map.callsOf('removeSource')).toEqual([]);
		fixture!.updateAreas({ remove: ['x'] });
		expect(map.callsOf('updateData')).toEqual([['areas', { remove: ['x'] }]]);
	});

	it('set only the feature-state that changed, and re-apply it after a style swap', () => {
		inputs.states = new Map([
			['a', { value: 1 }],
			['b', { value: 2 }]
		]);
		flushSync();
		map.calls = [];
		inputs.states = new Map([
			['a', { value: 1 }],
			['b', { value: 3 }]
		]);
		flushSync();
		expect(map.calls).toEqual([['setFeatureState', { source: 'areas', id: 'b' }, { value: 3 }]]);

		context.setStyle(style('sea'));
		map.finishStyleLoad();
		flushSync();
		expect(map.getLayersOrder()).toEqual(['sea', 'areas-fill', 'items-dots']);
		expect(map.featureState).toEqual(
			new Map([
				['areas//a', { value: 1 }],
				['areas//b', { value: 3 }]
			])
		);
	});

	it('remove what they added when they go away', () => {
		inputs.showDots = false;
		flushSync();
		expect(map.getLayer('items-dots')).toBeUndefined();
		inputs.states = new Map([['a', { value: 1 }]]);
		flushSync();
		inputs.showAreas = false;
		flushSync();
		expect([...map.sources.keys()]).toEqual(['items']);
		expect(map.featureState.size).toBe(0);
		expect(map.listenerCount('click:areas-fill')).toBe(0);
		void unmount(fixture!);
		fixture = undefined;
		expect(map.sources.size).toBe(0);
		expect(map.getLayersOrder()).toEqual(['background', 'labels']);
	});
});

describe('pointer events', () => {
	it('report the feature id and keep hover as feature-state, with the source layer', () => {
		map.fireLayer('mousemove', 'areas-fill', { features: [{ id: 'a' }] });
		map.fireLayer('click', 'areas-fill', { features: [{ id: 'a' }] });
		expect(map.canvas.style.cursor).toBe('pointer');
		expect(map.featureState.get('areas//a')).toEqual({ hover: true });
		map.fireLayer('mousemove', 'areas-fill', { features: [{ id: 'b' }] });
		expect(map.featureState.has('areas//a')).toBe(false);
		map.fireLayer('mouseleave', 'areas-fill');
		expect(map.featureState.size).toBe(0);
		expect(inputs.reports).toEqual(['hover a', 'click a', 'hover b', 'hover none']);

		map.fireLayer('mousemove', 'items-dots', { features: [{ id: 7 }] });
		expect(map.featureState.get('items/items/7')).toEqual({ hover: true });
	});
});

describe('Popup', () => {
	class FakePopup {
		static made: FakePopup[] = [];
		calls: unknown[][] = [];
		#onClose?: () => void;
		constructor(readonly options: object) {
			FakePopup.made.push(this);
		}
		setLngLat(lngLat: unknown) {
			this.calls.push(['setLngLat', lngLat]);
			return this;
		}
		setDOMContent(node: Node) {
			this.calls.push(['setDOMContent', node.textContent]);
			return this;
		}
		addTo(target: unknown) {
			this.calls.push(['addTo', target === map]);
			return this;
		}
		on(type: string, listener: () => void) {
			if (type === 'close') this.#onClose = listener;
			return this;
		}
		remove() {
			this.calls.push(['remove']);
			this.#onClose?.();
			return this;
		}
		/** The person closes it (button, Escape). */
		close() {
			this.#onClose?.();
		}
	}

	beforeEach(() => {
		FakePopup.made = [];
		context.maplibre = { Popup: FakePopup } as unknown as MapContext['maplibre'];
	});

	it('opens at a point with its snippet, follows the point and closes on destroy', () => {
		inputs.popupAt = [-70, -33];
		flushSync();
		const [popup] = FakePopup.made;
		inputs.popupAt = [-71, -34];
		flushSync();
		inputs.popupAt = null;
		flushSync();
		expect(popup.calls).toEqual([
			['setLngLat', [-70, -33]],
			['setDOMContent', '#aaaaaa'],
			['addTo', true],
			['setLngLat', [-71, -34]],
			['remove']
		]);
		// Removed by its owner: that is no "closed by the person".
		expect(inputs.reports).toEqual([]);
	});

	it('tells its owner when the person closes it', () => {
		inputs.popupAt = [-70, -33];
		flushSync();
		FakePopup.made[0].close();
		expect(inputs.reports).toEqual(['popup closed']);
	});
});
