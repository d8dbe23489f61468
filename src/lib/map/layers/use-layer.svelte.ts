import type {
	AddLayerObject,
	AllLayoutProperties,
	AllPaintProperties,
	FilterSpecification,
	MapGeoJSONFeature,
	MapLayerMouseEvent
} from 'maplibre-gl';
import { onDestroy } from 'svelte';
import { getMapContext, getSourceContext } from '../context';
import { diffLayer, type MutableLayerParts } from './layer-diff';

/** Props every layer component shares besides its MapLibre spec. */
export interface LayerInteraction {
	/** Insert below this layer instead of on top. */
	beforeId?: string;
	/** Called with the top feature under the pointer on click. */
	onclick?: (feature: MapGeoJSONFeature, event: MapLayerMouseEvent) => void;
	/** Called with the feature under the pointer, and with `null` when the pointer leaves. */
	onhover?: (feature: MapGeoJSONFeature | null, event?: MapLayerMouseEvent) => void;
	/**
	 * Keep `feature-state.hover` true on the hovered feature, for paint expressions. Needs feature
	 * ids (GeoJSON `id` or the source's `promoteId`).
	 */
	hoverState?: boolean;
}

export interface LayerSpecLike extends MutableLayerParts {
	id: string;
	type: 'fill' | 'line' | 'symbol';
	filter?: FilterSpecification;
}

/**
 * Adds a layer on the enclosing source, keeps it in sync with the component's props, wires its
 * pointer events, and removes all of it when the component goes away.
 */
export function useLayer(getSpec: () => LayerSpecLike, getInteraction: () => LayerInteraction): void {
	const context = getMapContext();
	const source = getSourceContext();
	const { map } = context;

	// Layer specs are plain data; the snapshot only strips Svelte's proxies. Typed through unknown
	// because Snapshot<> of MapLibre's deep spec types exceeds TypeScript's instantiation depth.
	const snapshot = (): LayerSpecLike => $state.snapshot<unknown>(getSpec()) as LayerSpecLike;
	const initial = snapshot();
	const layerId = initial.id;
	map.addLayer({ ...initial, source: source.id } as AddLayerObject, getInteraction().beforeId);

	let previous: MutableLayerParts = initial;
	$effect(() => {
		const next = snapshot();
		if (next.id !== layerId) throw new Error(`A layer's id cannot change (${layerId} → ${next.id})`);
		for (const update of diffLayer(previous, next)) {
			switch (update.kind) {
				case 'paint':
					map.setPaintProperty(
						layerId,
						update.name as keyof AllPaintProperties,
						update.value as never
					);
					break;
				case 'layout':
					map.setLayoutProperty(
						layerId,
						update.name as keyof AllLayoutProperties,
						update.value as never
					);
					break;
				case 'filter':
					map.setFilter(layerId, update.value as FilterSpecification);
					break;
				case 'zoomRange':
					map.setLayerZoomRange(layerId, update.minzoom, update.maxzoom);
					break;
			}
		}
		previous = next;
	});

	let hoveredId: string | number | undefined;
	const clearHover = () => {
		if (hoveredId !== undefined && map.getSource(source.id)) {
			map.setFeatureState({ source: source.id, id: hoveredId }, { hover: false });
		}
		hoveredId = undefined;
	};

	const onMove = (event: MapLayerMouseEvent) => {
		const feature = event.features?.[0];
		if (!feature) return;
		const interaction = getInteraction();
		if (interaction.hoverState && feature.id !== hoveredId) {
			clearHover();
			hoveredId = feature.id;
			if (hoveredId !== undefined) {
				map.setFeatureState({ source: source.id, id: hoveredId }, { hover: true });
			}
		}
		if (interaction.onclick) map.getCanvas().style.cursor = 'pointer';
		interaction.onhover?.(feature, event);
	};
	const onLeave = () => {
		clearHover();
		map.getCanvas().style.cursor = '';
		getInteraction().onhover?.(null);
	};
	const onClick = (event: MapLayerMouseEvent) => {
		const feature = event.features?.[0];
		if (feature) getInteraction().onclick?.(feature, event);
	};

	map.on('mousemove', layerId, onMove);
	map.on('mouseleave', layerId, onLeave);
	map.on('click', layerId, onClick);

	onDestroy(() => {
		if (context.isRemoved()) return;
		map.off('mousemove', layerId, onMove);
		map.off('mouseleave', layerId, onLeave);
		map.off('click', layerId, onClick);
		if (map.getLayer(layerId)) map.removeLayer(layerId);
	});
}
