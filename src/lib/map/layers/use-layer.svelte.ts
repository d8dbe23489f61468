import type { MapGeoJSONFeature, MapLayerMouseEvent } from 'maplibre-gl';
import { onDestroy, untrack } from 'svelte';
import type { FeatureId } from '../feature-state';
import { getMapContext, getSourceContext, type SourcedLayerSpecification } from '../map-context.svelte';
import type { MutableLayerParts } from './layer-diff';

/** Props every layer component shares besides its MapLibre spec. */
export interface LayerProps {
	/** Draw under this layer instead of on top; changing it moves the layer. */
	beforeId?: string;
	/** The layer of a vector source to draw (required inside a VectorTileSource); fixed. */
	sourceLayer?: string;
	/** The top feature under the pointer on click; its `id` is the feature id. */
	onclick?: (feature: MapGeoJSONFeature, event: MapLayerMouseEvent) => void;
	/** The feature under the pointer, and `null` when the pointer leaves the layer. */
	onhover?: (feature: MapGeoJSONFeature | null, event?: MapLayerMouseEvent) => void;
	/**
	 * Keep `feature-state.hover` true on the hovered feature, for paint expressions. Needs
	 * feature ids (GeoJSON `id` or the source's `promoteId`).
	 */
	hoverState?: boolean;
}

type LayerType = SourcedLayerSpecification['type'];

/** A layer component's spec without what the toolkit fills in (type, source, source layer). */
export interface LayerSpecLike extends MutableLayerParts {
	id: string;
}

/**
 * Adds a layer on the enclosing source through the map context, keeps it in step with the
 * component's props (only changed properties; a new filter goes through `setFilter`, on the GPU),
 * moves it when `beforeId` changes, wires its pointer events, and removes it on destroy.
 */
export function useLayer(type: LayerType, getSpec: () => LayerSpecLike, getProps: () => LayerProps): void {
	const context = getMapContext();
	const source = getSourceContext();
	const map = context.map;
	if (!map) throw new Error('Layers are rendered only once the map exists');

	// Layer specs are small JSON; the snapshot only strips Svelte's proxies. Typed through unknown
	// because Snapshot<> of MapLibre's deep spec types exceeds TypeScript's instantiation depth.
	const snapshot = (): LayerSpecLike => $state.snapshot<unknown>(getSpec()) as LayerSpecLike;
	const initial = untrack(snapshot);
	const layerId = initial.id;
	const sourceLayer = untrack(() => getProps().sourceLayer);
	if (source.type === 'vector' && !sourceLayer) {
		throw new Error(`The layer "${layerId}" draws from a vector source and needs a sourceLayer`);
	}
	const target = (id: FeatureId) => ({ source: source.id, sourceLayer, id });

	context.addLayer(
		{
			...initial,
			type,
			source: source.id,
			...(sourceLayer ? { 'source-layer': sourceLayer } : {})
		} as SourcedLayerSpecification,
		untrack(() => getProps().beforeId)
	);

	$effect(() => {
		const next = snapshot();
		if (next.id !== layerId) throw new Error(`A layer's id cannot change (${layerId} → ${next.id})`);
		context.updateLayer(layerId, next);
	});

	$effect(() => {
		const beforeId = getProps().beforeId;
		context.moveLayer(layerId, beforeId);
	});

	let hoveredId: FeatureId | undefined;
	const clearHover = () => {
		if (hoveredId !== undefined) context.removeFeatureState(target(hoveredId), 'hover');
		hoveredId = undefined;
	};

	const onMove = (event: MapLayerMouseEvent) => {
		const feature = event.features?.[0];
		if (!feature) return;
		const props = getProps();
		if (props.hoverState && feature.id !== hoveredId) {
			clearHover();
			hoveredId = feature.id;
			if (hoveredId !== undefined) context.setFeatureState(target(hoveredId), { hover: true });
		}
		if (props.onclick) map.getCanvas().style.cursor = 'pointer';
		props.onhover?.(feature, event);
	};
	const onLeave = () => {
		clearHover();
		map.getCanvas().style.cursor = '';
		getProps().onhover?.(null);
	};
	const onClick = (event: MapLayerMouseEvent) => {
		const feature = event.features?.[0];
		if (feature) getProps().onclick?.(feature, event);
	};

	map.on('mousemove', layerId, onMove);
	map.on('mouseleave', layerId, onLeave);
	map.on('click', layerId, onClick);

	onDestroy(() => {
		if (context.removed) return;
		map.off('mousemove', layerId, onMove);
		map.off('mouseleave', layerId, onLeave);
		map.off('click', layerId, onClick);
		clearHover();
		context.removeLayer(layerId);
	});
}
