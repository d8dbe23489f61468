import type { Map as MapLibreMap } from 'maplibre-gl';
import { getContext, setContext } from 'svelte';
import type { MapLibre } from './maplibre';

export interface MapContext {
	/** Available to children: Map.svelte renders them only once the style has loaded. */
	readonly map: MapLibreMap;
	readonly maplibre: MapLibre;
	/** True once the map has been removed, so late teardowns of children skip their cleanup. */
	isRemoved(): boolean;
	/** A source the map must have loaded before it reports itself ready; returns the untrack. */
	trackSource(id: string): () => void;
	/** A tracked source received new data: readiness has to be earned again. */
	sourceChanged(): void;
}

export interface SourceContext {
	readonly id: string;
}

const MAP = Symbol('maplibre map');
const SOURCE = Symbol('maplibre source');

export function setMapContext(context: MapContext): void {
	setContext(MAP, context);
}

export function getMapContext(): MapContext {
	const context = getContext<MapContext | undefined>(MAP);
	if (!context) throw new Error('Map components must be placed inside <Map>');
	return context;
}

export function setSourceContext(context: SourceContext): void {
	setContext(SOURCE, context);
}

export function getSourceContext(): SourceContext {
	const context = getContext<SourceContext | undefined>(SOURCE);
	if (!context) throw new Error('Layer components must be placed inside a source component');
	return context;
}
