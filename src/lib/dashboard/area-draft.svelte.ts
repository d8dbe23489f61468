import type { AreaFilter } from '$lib/filters/filter';
import { closeRing } from './area-shape';

export type AreaMode = 'off' | 'circle' | 'polygon';

/** A radius the URL accepts (src/lib/filters/url.ts: more than 0, at most 500 km). */
export const RADIUS_LIMITS = { min: 0.1, max: 500 } as const;

/**
 * The area being drawn on a dashboard's map: which tool is on, the circle's radius and the
 * polygon's vertices so far. Applying an area is the page's business (it goes into the URL);
 * this only turns clicks into an area.
 */
export class AreaDraft {
	mode = $state<AreaMode>('off');
	radiusKm = $state(5);
	vertices = $state.raw<[number, number][]>([]);

	start(mode: Exclude<AreaMode, 'off'>): void {
		this.mode = this.mode === mode ? 'off' : mode;
		this.vertices = [];
	}

	cancel(): void {
		this.mode = 'off';
		this.vertices = [];
	}

	validRadius(): boolean {
		return this.radiusKm >= RADIUS_LIMITS.min && this.radiusKm <= RADIUS_LIMITS.max;
	}

	/** A circle around a point, with the current radius (null for a radius out of range). */
	circleAt([lon, lat]: [number, number]): AreaFilter | null {
		if (!this.validRadius()) return null;
		this.cancel();
		return { kind: 'circle', lon, lat, radiusKm: this.radiusKm };
	}

	/** A click on the map: the circle to apply, or null while a polygon grows. */
	point(lngLat: [number, number]): AreaFilter | null {
		if (this.mode === 'circle') return this.circleAt(lngLat);
		if (this.mode === 'polygon') this.vertices = [...this.vertices, lngLat];
		return null;
	}

	/** The polygon of the clicked vertices (null with fewer than three). */
	finishPolygon(): AreaFilter | null {
		const ring = closeRing(this.vertices);
		if (!ring) return null;
		this.cancel();
		return { kind: 'polygon', ring };
	}
}
