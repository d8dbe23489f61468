/** A feature id as MapLibre keeps it: a GeoJSON `id`, or the property named by `promoteId`. */
export type FeatureId = string | number;

/** Feature-state values paint expressions read with `['feature-state', key]`. */
export type FeatureStateValue = string | number | boolean | null;
export type FeatureStateRecord = Readonly<Record<string, FeatureStateValue>>;
export type FeatureStates = ReadonlyMap<FeatureId, FeatureStateRecord>;

export type FeatureStateChange =
	| { kind: 'set'; id: FeatureId; state: Record<string, FeatureStateValue> }
	| { kind: 'remove'; id: FeatureId; key: string };

/**
 * The calls that turn `previous` into `next` on the map: `set` with only the keys whose values
 * changed, `remove` per key that disappeared. Keys are removed one by one, never the whole state,
 * because other holders (the hover of a layer, a selection) keep their own keys on the same
 * feature. Unchanged features cost nothing, so a filter that moves a few numbers of a 350-area
 * choropleth touches a few features.
 */
export function diffFeatureStates(previous: FeatureStates, next: FeatureStates): FeatureStateChange[] {
	const changes: FeatureStateChange[] = [];
	for (const [id, state] of next) {
		const before = previous.get(id) ?? {};
		const changed: Record<string, FeatureStateValue> = {};
		let any = false;
		for (const [key, value] of Object.entries(state)) {
			if (!(key in before) || before[key] !== value) {
				changed[key] = value;
				any = true;
			}
		}
		if (any) changes.push({ kind: 'set', id, state: changed });
		for (const key of Object.keys(before)) {
			if (!(key in state)) changes.push({ kind: 'remove', id, key });
		}
	}
	for (const [id, state] of previous) {
		if (next.has(id)) continue;
		for (const key of Object.keys(state)) changes.push({ kind: 'remove', id, key });
	}
	return changes;
}

/** The same states under the same key on every listed feature, e.g. `{ selected: true }`. */
export function statesFor(ids: Iterable<FeatureId>, state: FeatureStateRecord): FeatureStates {
	return new Map([...ids].map((id) => [id, state] as const));
}
