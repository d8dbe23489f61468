// For the pipeline's tests: area is what a clean coverage must conserve, measured exactly as the
// noding sees it (planar, in degrees²) rather than on the sphere like geometry.ts.
import type { MultiPolygonCoordinates } from '../coverage.ts';

/** Planar area (degrees²) of a multipolygon, holes subtracted. */
export function planarArea(polygons: MultiPolygonCoordinates): number {
	let total = 0;
	for (const polygon of polygons) {
		polygon.forEach((ring, i) => {
			let sum = 0;
			for (let k = 0; k < ring.length - 1; k++) sum += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
			total += (i === 0 ? 1 : -1) * Math.abs(sum / 2);
		});
	}
	return total;
}
