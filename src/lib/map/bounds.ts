/** [west, south, east, north] in degrees, as in GeoJSON `bbox`. */
export type Bbox = [number, number, number, number];

export function isBbox(value: unknown): value is Bbox {
	return (
		Array.isArray(value) &&
		value.length === 4 &&
		value.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
		value[0] <= value[2] &&
		value[1] <= value[3] &&
		value[1] >= -90 &&
		value[3] <= 90
	);
}

/** The first usable bbox of the candidates (e.g. a file's own bbox, then a stored one). */
export function pickBbox(...candidates: unknown[]): Bbox | null {
	return candidates.find((c): c is Bbox => isBbox(c)) ?? null;
}

/**
 * Widens a bbox around its centre so that tiny areas (a few km across) are shown with
 * their surroundings instead of filling the screen at street level.
 */
export function withMinimumSpan(bbox: Bbox, minSpanDegrees: number): Bbox {
	const [west, south, east, north] = bbox;
	const halfWidth = Math.max(east - west, minSpanDegrees) / 2;
	const halfHeight = Math.max(north - south, minSpanDegrees) / 2;
	const centreX = (west + east) / 2;
	const centreY = (south + north) / 2;
	return [centreX - halfWidth, centreY - halfHeight, centreX + halfWidth, centreY + halfHeight];
}

/** Padding that leaves room around the area without eating a small (mobile) map. */
export function fitPadding(widthPx: number, heightPx: number): number {
	return Math.round(Math.max(8, Math.min(40, Math.min(widthPx, heightPx) * 0.06)));
}
