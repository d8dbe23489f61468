import type {
	FeatureIdentifier,
	FilterSpecification,
	GeoJSONSourceDiff,
	SourceSpecification,
	StyleSpecification
} from 'maplibre-gl';
import type { ContextMap, SourcedLayerSpecification } from '../map-context.svelte';

type Call = [method: string, ...args: unknown[]];
type Listener = (event?: unknown) => void;

interface FakeSource {
	spec: SourceSpecification;
	setData(data: unknown): void;
	updateData(diff: GeoJSONSourceDiff): void;
	setTiles(tiles: string[]): void;
}

/**
 * A stand-in for a MapLibre map in unit tests: it keeps sources, an ordered layer list and
 * feature-state the way MapLibre does, throws where MapLibre would refuse (duplicate ids, an
 * unknown `beforeId`, removing a source still in use), and logs every call. A style swap clears
 * everything and installs the new style's own layers; `finishStyleLoad()` then fires
 * `style.load`, as MapLibre does a frame later.
 */
export class FakeMap implements ContextMap {
	calls: Call[] = [];
	sources = new Map<string, FakeSource>();
	layers: { id: string; source?: string; spec: Record<string, unknown> }[] = [];
	featureState = new Map<string, Record<string, unknown>>();
	loaded = new Set<string>();
	#listeners = new Map<string, Set<Listener>>();

	constructor(style: StyleSpecification = { version: 8, sources: {}, layers: [] }) {
		this.#install(style);
	}

	#install(style: StyleSpecification) {
		this.sources.clear();
		this.featureState.clear();
		this.layers = style.layers.map((layer) => ({ id: layer.id, spec: { ...layer } }));
	}

	#log(method: string, ...args: unknown[]) {
		this.calls.push([method, ...args]);
	}

	callsOf(method: string): unknown[][] {
		return this.calls.filter(([name]) => name === method).map(([, ...args]) => args);
	}

	addSource(id: string, spec: SourceSpecification) {
		if (this.sources.has(id)) throw new Error(`There is already a source with ID "${id}"`);
		this.#log('addSource', id, spec);
		const log = (method: string) => (arg: unknown) => this.#log(method, id, arg);
		this.sources.set(id, {
			spec,
			setData: log('setData'),
			updateData: log('updateData'),
			setTiles: log('setTiles')
		});
	}

	removeSource(id: string) {
		if (this.layers.some((layer) => layer.source === id)) {
			throw new Error(`Source "${id}" cannot be removed while layer uses it`);
		}
		this.#log('removeSource', id);
		this.sources.delete(id);
	}

	getSource(id: string) {
		return this.sources.get(id);
	}

	isSourceLoaded(id: string) {
		return this.loaded.has(id);
	}

	addLayer(layer: SourcedLayerSpecification, beforeId?: string) {
		if (this.getLayer(layer.id)) throw new Error(`Layer "${layer.id}" already exists`);
		if (!this.sources.has(layer.source)) throw new Error(`Source "${layer.source}" not found`);
		this.#log('addLayer', layer.id, beforeId);
		const entry = { id: layer.id, source: layer.source, spec: { ...layer } };
		this.layers.splice(this.#indexBefore(beforeId), 0, entry);
	}

	#indexBefore(beforeId: string | undefined) {
		if (beforeId === undefined) return this.layers.length;
		const index = this.layers.findIndex((layer) => layer.id === beforeId);
		if (index < 0) throw new Error(`Cannot add layer before non-existing layer "${beforeId}"`);
		return index;
	}

	removeLayer(id: string) {
		if (!this.getLayer(id)) throw new Error(`Layer "${id}" does not exist`);
		this.#log('removeLayer', id);
		this.layers = this.layers.filter((layer) => layer.id !== id);
	}

	getLayer(id: string) {
		return this.layers.find((layer) => layer.id === id);
	}

	moveLayer(id: string, beforeId?: string) {
		const layer = this.getLayer(id);
		if (!layer) throw new Error(`Layer "${id}" does not exist`);
		this.#log('moveLayer', id, beforeId);
		this.layers = this.layers.filter((candidate) => candidate !== layer);
		this.layers.splice(this.#indexBefore(beforeId), 0, layer);
	}

	getLayersOrder() {
		return this.layers.map((layer) => layer.id);
	}

	setPaintProperty(layerId: string, name: string, value: unknown) {
		this.#log('setPaintProperty', layerId, name, value);
	}

	setLayoutProperty(layerId: string, name: string, value: unknown) {
		this.#log('setLayoutProperty', layerId, name, value);
	}

	setFilter(layerId: string, filter?: FilterSpecification | null) {
		this.#log('setFilter', layerId, filter);
	}

	setLayerZoomRange(layerId: string, minzoom: number, maxzoom: number) {
		this.#log('setLayerZoomRange', layerId, minzoom, maxzoom);
	}

	static stateKey({ source, sourceLayer, id }: FeatureIdentifier) {
		return `${source}/${sourceLayer ?? ''}/${String(id)}`;
	}

	setFeatureState(target: FeatureIdentifier, state: Record<string, unknown>) {
		if (!this.sources.has(target.source)) throw new Error(`Source "${target.source}" not found`);
		this.#log('setFeatureState', target, state);
		const key = FakeMap.stateKey(target);
		this.featureState.set(key, { ...this.featureState.get(key), ...state });
	}

	removeFeatureState(target: FeatureIdentifier, key?: string) {
		this.#log('removeFeatureState', target, key);
		const stateKey = FakeMap.stateKey(target);
		const state = this.featureState.get(stateKey);
		if (!state) return;
		if (key === undefined) this.featureState.delete(stateKey);
		else {
			delete state[key];
			if (Object.keys(state).length === 0) this.featureState.delete(stateKey);
		}
	}

	setStyle(style: StyleSpecification | string) {
		this.#log('setStyle', style);
		this.#install(typeof style === 'string' ? { version: 8, sources: {}, layers: [] } : style);
	}

	/** Map events (`on(type, listener)`) and layer events (`on(type, layerId, listener)`). */
	on(type: string, layerOrListener: string | Listener, listener?: Listener) {
		const key = typeof layerOrListener === 'string' ? `${type}:${layerOrListener}` : type;
		const callback = typeof layerOrListener === 'string' ? listener! : layerOrListener;
		const listeners = this.#listeners.get(key) ?? new Set();
		listeners.add(callback);
		this.#listeners.set(key, listeners);
	}

	off(type: string, layerOrListener: string | Listener, listener?: Listener) {
		const key = typeof layerOrListener === 'string' ? `${type}:${layerOrListener}` : type;
		const callback = typeof layerOrListener === 'string' ? listener! : layerOrListener;
		this.#listeners.get(key)?.delete(callback);
	}

	/** How many listeners are registered for a map event or a layer event (`click:layer-id`). */
	listenerCount(key: string) {
		return this.#listeners.get(key)?.size ?? 0;
	}

	/** Fires a pointer event on a layer, as MapLibre does with the features under the pointer. */
	fireLayer(type: string, layerId: string, event: { features?: object[]; lngLat?: object } = {}) {
		for (const listener of this.#listeners.get(`${type}:${layerId}`) ?? []) listener(event);
	}

	canvas = { style: { cursor: '' } };
	getCanvas() {
		return this.canvas;
	}

	fire(type: 'style.load' | 'idle') {
		for (const listener of this.#listeners.get(type) ?? []) listener();
	}

	finishStyleLoad() {
		this.fire('style.load');
	}
}
