import type { Bbox } from '$lib/map/bounds';

/**
 * The area to frame for a group of places: the union of their boxes, leaving out the ones far
 * offshore (Juan Fernández in the province of Valparaíso lies 670 km west of the coast; framing it
 * would show an empty ocean). A place counts as offshore when its centre is more than `maxDegrees`
 * of longitude from the median centre.
 */
export function mainFocus(boxes: readonly Bbox[], maxDegrees = 2): Bbox | null {
	if (boxes.length === 0) return null;
	const centre = (b: Bbox) => (b[0] + b[2]) / 2;
	const sorted = boxes.map(centre).sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)];
	const kept = boxes.filter((b) => Math.abs(centre(b) - median) <= maxDegrees);
	return [
		Math.min(...kept.map((b) => b[0])),
		Math.min(...kept.map((b) => b[1])),
		Math.max(...kept.map((b) => b[2])),
		Math.max(...kept.map((b) => b[3]))
	];
}
