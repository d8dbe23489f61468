/** The parts of a layer that can change after it was added, as MapLibre's spec types them. */
export interface MutableLayerParts {
	paint?: Record<string, unknown>;
	layout?: Record<string, unknown>;
	filter?: unknown;
	minzoom?: number;
	maxzoom?: number;
}

export type LayerUpdate =
	| { kind: 'paint'; name: string; value: unknown }
	| { kind: 'layout'; name: string; value: unknown }
	| { kind: 'filter'; value: unknown }
	| { kind: 'zoomRange'; minzoom: number; maxzoom: number };

// Style values are small JSON (numbers, strings, expression arrays), so comparing their JSON is exact.
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What to call on the live layer to go from `previous` to `next`, so a prop change updates only
 * the properties that changed instead of removing and re-adding the layer (which would lose its
 * place in the layer order and flicker). A property that disappears is reset with `undefined`.
 */
export function diffLayer(previous: MutableLayerParts, next: MutableLayerParts): LayerUpdate[] {
	const updates: LayerUpdate[] = [];
	for (const kind of ['paint', 'layout'] as const) {
		const before = previous[kind] ?? {};
		const after = next[kind] ?? {};
		for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
			if (!same(before[name], after[name])) updates.push({ kind, name, value: after[name] });
		}
	}
	if (!same(previous.filter, next.filter)) updates.push({ kind: 'filter', value: next.filter });
	if (previous.minzoom !== next.minzoom || previous.maxzoom !== next.maxzoom) {
		updates.push({ kind: 'zoomRange', minzoom: next.minzoom ?? 0, maxzoom: next.maxzoom ?? 24 });
	}
	return updates;
}
