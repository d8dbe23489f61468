import circle from '@turf/circle';
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { AreaFilter } from '$lib/filters/filter';

/** Vertices of a circle's outline: enough for a smooth edge at any zoom the dashboard shows. */
const CIRCLE_STEPS = 64;

/** The drawn area as the map shows it: a circle becomes a geodesic polygon (Turf). */
export function areaPolygon(area: AreaFilter): Feature<Polygon> {
	if (area.kind === 'circle')
		return circle([area.lon, area.lat], area.radiusKm, { steps: CIRCLE_STEPS, units: 'kilometers' });
	return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [area.ring] } };
}

/** What the map draws: the applied area, and the vertices (and edges) of a polygon being drawn. */
export function areaFeatures(
	area: AreaFilter | undefined,
	draft: [number, number][]
): FeatureCollection<Polygon | LineString | Point> {
	const features: Feature<Polygon | LineString | Point>[] = [];
	if (area) features.push(areaPolygon(area));
	if (draft.length > 1)
		features.push({
			type: 'Feature',
			properties: {},
			geometry: { type: 'LineString', coordinates: draft }
		});
	for (const vertex of draft)
		features.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: vertex } });
	return { type: 'FeatureCollection', features };
}

/** A closed ring from the clicked vertices, or null with fewer than three. */
export function closeRing(vertices: [number, number][]): [number, number][] | null {
	if (vertices.length < 3) return null;
	return [...vertices, vertices[0]];
}
