import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

export type MapLibre = typeof import('maplibre-gl');

let loading: Promise<MapLibre> | undefined;

/**
 * MapLibre is loaded on demand in the browser, keeping ~1 MB off the first paint and out of SSR.
 * MapLibre 6 is ESM-only and runs its worker from a separate module: without `setWorkerUrl`
 * pointing at the file Vite emits, sources never load and the map stays blank without an error.
 */
export function loadMapLibre(): Promise<MapLibre> {
	loading ??= import('maplibre-gl').then((maplibre) => {
		maplibre.setWorkerUrl(workerUrl);
		return maplibre;
	});
	return loading;
}
