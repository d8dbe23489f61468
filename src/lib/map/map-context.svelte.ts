import type {
	AllLayoutProperties,
	AllPaintProperties,
	FeatureIdentifier,
	FilterSpecification,
	GeoJSONSourceDiff,
	GeoJSONSourceSpecification,
	LayerSpecification,
	Map as MapLibreMap,
	SourceSpecification,
	StyleSpecification,
	VectorSourceSpecification
} from 'maplibre-gl';
import { getContext, setContext } from 'svelte';
import { diffFeatureStates, type FeatureStates } from './feature-state';
import { diffLayer, type MutableLayerParts } from './layers/layer-diff';
import type { MapLibre } from './maplibre';

/** A layer the toolkit adds: any MapLibre layer that draws from a source (so not `background`). */
export type SourcedLayerSpecification = Exclude<LayerSpecification, { type: 'background' }>;

/** GeoJSON the way MapLibre takes it: a URL or the data itself. */
export type GeoJSONData = string | GeoJSON.GeoJSON;

/**
 * The part of a MapLibre map the context drives. Narrower than `maplibregl.Map` so the lifecycle
 * can be tested against a small fake; a real map satisfies it (checked where MapView attaches it).
 */
export interface ContextMap {
	addSource(id: string, source: SourceSpecification): unknown;
	removeSource(id: string): unknown;
	getSource(id: string): object | undefined;
	isSourceLoaded(id: string): boolean;
	addLayer(layer: SourcedLayerSpecification, beforeId?: string): unknown;
	removeLayer(id: string): unknown;
	getLayer(id: string): object | undefined;
	moveLayer(id: string, beforeId?: string): unknown;
	getLayersOrder(): string[];
	setPaintProperty(layerId: string, name: keyof AllPaintProperties, value: unknown): unknown;
	setLayoutProperty(layerId: string, name: keyof AllLayoutProperties, value: unknown): unknown;
	setFilter(layerId: string, filter?: FilterSpecification | null): unknown;
	setLayerZoomRange(layerId: string, minzoom: number, maxzoom: number): unknown;
	setFeatureState(target: FeatureIdentifier, state: Record<string, unknown>): unknown;
	removeFeatureState(target: FeatureIdentifier, key?: string): unknown;
	setStyle(style: StyleSpecification | string, options: { diff: false }): unknown;
	on(type: 'style.load' | 'idle', listener: () => void): unknown;
	off(type: 'style.load' | 'idle', listener: () => void): unknown;
}

/** The source object methods the context calls, as MapLibre's GeoJSON and vector sources have them. */
interface GeoJSONSourceLike {
	setData(data: GeoJSONData): unknown;
	updateData(diff: GeoJSONSourceDiff): unknown;
}
interface TileSourceLike {
	setTiles(tiles: string[]): unknown;
}

interface SourceRecord {
	spec: SourceSpecification;
	/** Partial updates since the data was last replaced, replayed in order when the source is re-added. */
	diffs: GeoJSONSourceDiff[];
}

interface LayerRecord {
	spec: SourcedLayerSpecification;
	/** The layer it was asked to sit under; kept so a re-add after a style swap can honour it. */
	beforeId: string | undefined;
}

/**
 * One map's sources and layers, owned by the components that declared them. Every change goes
 * through here so the context always holds the current specs: after a style swap (which drops
 * everything that is not in the new style) it re-adds the sources, replays partial GeoJSON
 * updates, and puts the layers back in their stacking order. Between `setStyle` and the new
 * style's `style.load` changes are only recorded; the re-add applies them.
 */
export class MapContext<M extends ContextMap = MapLibreMap> {
	/** Null until MapView has created the map; children are rendered only after the first style. */
	map = $state.raw<M | null>(null);
	maplibre = $state.raw<MapLibre | null>(null);
	/** Counts loaded styles (1 after the first); feature-state holders re-apply when it changes. */
	styleGeneration = $state(0);
	/** Every source's data is loaded and drawn (for people: the loading notice; for tests). */
	ready = $state(false);
	/** The map was removed; late teardowns of children have nothing left to undo. */
	removed = false;

	#styleLoaded = false;
	// Plain collections on purpose: they mirror the map, nothing renders from them.
	/* eslint-disable svelte/prefer-svelte-reactivity */
	#sources = new Map<string, SourceRecord>();
	#layers = new Map<string, LayerRecord>();
	/** For each of our layers, the first foreign (base style) layer above it before the swap. */
	#anchors = new Map<string, string | undefined>();
	/* eslint-enable svelte/prefer-svelte-reactivity */

	#onStyleLoad = () => this.#restore();
	/**
	 * How many times the map has settled (rendered with nothing left to load): published on the
	 * map's element, so a benchmark or test sees from outside when a change has been drawn.
	 */
	idles = $state(0);
	/**
	 * False from a change sent to the map (tiles, data, feature-state, layers) until the map has
	 * settled after it: with `idles`, how a benchmark or test knows that the map shows what it was
	 * last told, including a repaint that needs no new tile (a choropleth's new values).
	 */
	settled = $state(true);

	#onIdle = () => {
		this.idles += 1;
		this.settled = true;
		this.#checkReady();
	};

	#changed(): void {
		if (this.settled) this.settled = false;
	}

	attach(map: M, maplibre: MapLibre | null): void {
		this.map = map;
		this.maplibre = maplibre;
		map.on('style.load', this.#onStyleLoad);
		map.on('idle', this.#onIdle);
	}

	/** The map is going away: nothing more is sent to it. */
	detach(): void {
		this.map?.off('style.load', this.#onStyleLoad);
		this.map?.off('idle', this.#onIdle);
		this.removed = true;
		this.#styleLoaded = false;
	}

	/** Swaps the base style; our sources and layers come back on top of it (see #restore). */
	setStyle(style: StyleSpecification | string): void {
		const map = this.#live();
		if (!map) return;
		if (this.#styleLoaded) this.#anchors = this.#captureAnchors(map);
		this.#styleLoaded = false;
		this.ready = false;
		// A full rebuild always ends in `style.load`; a diffed swap would silently drop our layers.
		map.setStyle(style, { diff: false });
	}

	get sourceIds(): string[] {
		return [...this.#sources.keys()];
	}

	get layerIds(): string[] {
		return [...this.#layers.keys()];
	}

	addSource(id: string, spec: SourceSpecification): void {
		if (this.#sources.has(id)) throw new Error(`The source "${id}" is already on the map`);
		this.#sources.set(id, { spec, diffs: [] });
		this.ready = false;
		this.#changed();
		this.#live()?.addSource(id, spec);
	}

	removeSource(id: string): void {
		if (!this.#sources.delete(id)) return;
		const map = this.#live();
		if (!map?.getSource(id)) return;
		// A layer left behind (a child that outlived its source) would make removeSource throw.
		for (const [layerId, layer] of this.#layers) {
			if (layer.spec.source === id) this.removeLayer(layerId);
		}
		map.removeSource(id);
	}

	/** Replaces a GeoJSON source's data: a URL, or an object handed over as is (never copied). */
	setGeoJSONData(id: string, data: GeoJSONData): void {
		const record = this.#source(id, 'geojson');
		record.spec = { ...(record.spec as GeoJSONSourceSpecification), data };
		record.diffs = [];
		this.ready = false;
		this.#changed();
		void (this.#liveSource(id) as GeoJSONSourceLike | undefined)?.setData(data);
	}

	/** Adds, changes or removes single features by id, without resending the whole collection. */
	updateGeoJSONData(id: string, diff: GeoJSONSourceDiff): void {
		const record = this.#source(id, 'geojson');
		record.diffs.push(diff);
		this.#changed();
		void (this.#liveSource(id) as GeoJSONSourceLike | undefined)?.updateData(diff);
	}

	/** New tile URLs (e.g. another filter in the query string) refresh the tiles in place. */
	setTiles(id: string, tiles: string[]): void {
		const record = this.#source(id, 'vector');
		const spec = record.spec as VectorSourceSpecification;
		if (same(spec.tiles, tiles)) return;
		record.spec = { ...spec, tiles: [...tiles] };
		this.ready = false;
		this.#changed();
		(this.#liveSource(id) as TileSourceLike | undefined)?.setTiles(tiles);
	}

	addLayer(spec: SourcedLayerSpecification, beforeId?: string): void {
		if (this.#layers.has(spec.id)) throw new Error(`The layer "${spec.id}" is already on the map`);
		if (!this.#sources.has(spec.source)) {
			throw new Error(`The layer "${spec.id}" draws from "${spec.source}", which is not on the map`);
		}
		this.#layers.set(spec.id, { spec, beforeId });
		const map = this.#live();
		if (map) map.addLayer(spec, this.#presentAnchor(map, beforeId, spec.id));
	}

	/** Applies only what changed between the recorded spec and `next` (paint, layout, filter, zoom). */
	updateLayer(id: string, next: MutableLayerParts): void {
		const record = this.#layer(id);
		const map = this.#live();
		for (const update of diffLayer(record.spec, next)) {
			this.#changed();
			if (!map) continue;
			switch (update.kind) {
				case 'paint':
					map.setPaintProperty(id, update.name as keyof AllPaintProperties, update.value);
					break;
				case 'layout':
					map.setLayoutProperty(id, update.name as keyof AllLayoutProperties, update.value);
					break;
				case 'filter':
					map.setFilter(id, (update.value ?? null) as FilterSpecification | null);
					break;
				case 'zoomRange':
					map.setLayerZoomRange(id, update.minzoom, update.maxzoom);
					break;
			}
		}
		record.spec = withParts(record.spec, next);
	}

	moveLayer(id: string, beforeId: string | undefined): void {
		const record = this.#layer(id);
		if (record.beforeId === beforeId) return;
		record.beforeId = beforeId;
		const map = this.#live();
		if (map) map.moveLayer(id, this.#presentAnchor(map, beforeId, id));
	}

	removeLayer(id: string): void {
		if (!this.#layers.delete(id)) return;
		const map = this.#live();
		if (map?.getLayer(id)) map.removeLayer(id);
	}

	/**
	 * Feature-state lives on the source in the current style, so it is lost on a style swap;
	 * holders re-apply theirs when `styleGeneration` changes. `sourceLayer` is required by
	 * MapLibre for vector sources and ignored for GeoJSON.
	 */
	setFeatureState(target: FeatureIdentifier, state: Record<string, unknown>): void {
		const map = this.#live();
		if (!map?.getSource(target.source)) return;
		map.setFeatureState(target, state);
		this.#changed();
	}

	removeFeatureState(target: FeatureIdentifier, key?: string): void {
		const map = this.#live();
		if (!map?.getSource(target.source)) return;
		map.removeFeatureState(target, key);
		this.#changed();
	}

	/**
	 * Moves a source's feature-state from `previous` to `next`, touching only what changed (see
	 * `diffFeatureStates`). Returns what was applied, to pass as `previous` next time.
	 */
	applyFeatureStates(
		target: { source: string; sourceLayer?: string },
		previous: FeatureStates,
		next: FeatureStates
	): FeatureStates {
		for (const change of diffFeatureStates(previous, next)) {
			const feature = { ...target, id: change.id };
			if (change.kind === 'set') this.setFeatureState(feature, change.state);
			else this.removeFeatureState(feature, change.key);
		}
		// A copy, so a caller mutating its map in place still gets a real diff next time.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		return new Map([...next].map(([id, state]) => [id, { ...state }]));
	}

	/** The map, when changes can be sent to it now (style loaded, not removed). */
	#live(): M | null {
		return this.map && this.#styleLoaded && !this.removed ? this.map : null;
	}

	#liveSource(id: string): object | undefined {
		return this.#live()?.getSource(id);
	}

	#source(id: string, type: SourceSpecification['type']): SourceRecord {
		const record = this.#sources.get(id);
		if (!record) throw new Error(`The source "${id}" is not on the map`);
		if (record.spec.type !== type) {
			throw new Error(`The source "${id}" is a ${record.spec.type} source, not ${type}`);
		}
		return record;
	}

	#layer(id: string): LayerRecord {
		const record = this.#layers.get(id);
		if (!record) throw new Error(`The layer "${id}" is not on the map`);
		return record;
	}

	/**
	 * `beforeId` when that layer is on the map now. A missing one (e.g. a base-style layer the
	 * current style lacks) puts the layer on top, with a warning, rather than failing the add.
	 */
	#presentAnchor(map: ContextMap, beforeId: string | undefined, layerId: string) {
		if (beforeId === undefined || map.getLayer(beforeId)) return beforeId;
		console.warn(`Layer "${layerId}": "${beforeId}" is not on the map; drawn on top instead`);
		return undefined;
	}

	#captureAnchors(map: ContextMap): Map<string, string | undefined> {
		const anchors: [string, string | undefined][] = [];
		let foreignAbove: string | undefined;
		const order = map.getLayersOrder();
		for (let index = order.length - 1; index >= 0; index -= 1) {
			const id = order[index];
			if (this.#layers.has(id)) anchors.push([id, foreignAbove]);
			else foreignAbove = id;
		}
		// Bottom to top, the order #restore adds them in.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		return new Map(anchors.reverse());
	}

	/**
	 * After `style.load`: sources first (then their partial updates), then layers bottom to top.
	 * Layers that were on the map keep their place: each goes under the base-style layer that was
	 * above it, when the new style has it, else on top. Layers added while the style was loading
	 * follow, honouring their own `beforeId` when it is present.
	 */
	#restore(): void {
		const map = this.map;
		if (!map || this.removed) return;
		this.#styleLoaded = true;
		for (const [id, record] of this.#sources) {
			if (map.getSource(id)) continue;
			map.addSource(id, record.spec);
			const source = map.getSource(id) as GeoJSONSourceLike | undefined;
			for (const diff of record.diffs) void source?.updateData(diff);
		}
		const known = [...this.#anchors.keys()].filter((id) => this.#layers.has(id));
		const added = [...this.#layers.keys()].filter((id) => !this.#anchors.has(id));
		for (const id of known) {
			const anchor = this.#anchors.get(id);
			map.addLayer(this.#layer(id).spec, anchor && map.getLayer(anchor) ? anchor : undefined);
		}
		for (const id of added) {
			const record = this.#layer(id);
			map.addLayer(record.spec, this.#presentAnchor(map, record.beforeId, id));
		}
		this.#anchors.clear();
		this.ready = false;
		this.styleGeneration += 1;
	}

	#checkReady(): void {
		const map = this.#live();
		this.ready =
			!!map &&
			this.#sources.size > 0 &&
			[...this.#sources.keys()].every((id) => map.getSource(id) && map.isSourceLoaded(id));
	}
}

// Style values are small JSON, so comparing their JSON is exact (as in layer-diff).
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function withParts(spec: SourcedLayerSpecification, parts: MutableLayerParts): SourcedLayerSpecification {
	const next: Record<string, unknown> = { ...spec };
	for (const key of ['paint', 'layout', 'filter', 'minzoom', 'maxzoom'] as const) {
		if (parts[key] === undefined) delete next[key];
		else next[key] = parts[key];
	}
	return next as unknown as SourcedLayerSpecification;
}

const MAP = Symbol('map context');
const SOURCE = Symbol('map source');

export function setMapContext<M extends ContextMap>(context: MapContext<M>): MapContext<M> {
	return setContext(MAP, context);
}

export function getMapContext(): MapContext {
	const context = getContext<MapContext | undefined>(MAP);
	if (!context) throw new Error('Map components must be placed inside <MapView>');
	return context;
}

/** What a layer needs from the source component around it. */
export interface SourceContext {
	readonly id: string;
	/** Vector sources hold several layers of features; layers name theirs with `sourceLayer`. */
	readonly type: 'geojson' | 'vector';
}

export function setSourceContext(context: SourceContext): void {
	setContext(SOURCE, context);
}

export function getSourceContext(): SourceContext {
	const context = getContext<SourceContext | undefined>(SOURCE);
	if (!context) throw new Error('Layer components must be placed inside a source component');
	return context;
}
