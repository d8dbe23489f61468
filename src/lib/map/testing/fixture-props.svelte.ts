import type { FeatureStates } from '../feature-state';
import type { GeoJSONData } from '../map-context.svelte';

/** Reactive inputs of ToolkitFixture, changed by the component tests between flushes. */
export class FixtureProps {
	data = $state.raw<GeoJSONData>('/areas.geojson');
	kind = $state('a');
	color = $state('#aaaaaa');
	beforeId = $state<string | undefined>(undefined);
	tiles = $state<string[]>(['/tiles/{z}/{x}/{y}?a=1']);
	// Replaced whole by the tests, never mutated: a plain map is the right value.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	states = $state.raw<FeatureStates>(new Map());
	showDots = $state(true);
	showAreas = $state(true);
	popupAt = $state<[number, number] | null>(null);
	/** What the layers and the popup reported through their callbacks. */
	reports = $state<string[]>([]);
}
