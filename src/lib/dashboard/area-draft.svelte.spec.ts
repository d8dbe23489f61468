import { describe, expect, it } from 'vitest';
import { AreaDraft } from './area-draft.svelte';

describe('AreaDraft', () => {
	it('turns one click into a circle with the chosen radius, then stops drawing', () => {
		const draft = new AreaDraft();
		expect(draft.point([-70.6, -33.4])).toBeNull();
		draft.radiusKm = 12.5;
		draft.start('circle');
		expect(draft.point([-70.6, -33.4])).toEqual({
			kind: 'circle',
			lon: -70.6,
			lat: -33.4,
			radiusKm: 12.5
		});
		expect(draft.mode).toBe('off');
	});

	it('refuses a radius the URL would drop', () => {
		const draft = new AreaDraft();
		draft.radiusKm = 0;
		expect(draft.circleAt([-70.6, -33.4])).toBeNull();
		draft.radiusKm = 501;
		expect(draft.circleAt([-70.6, -33.4])).toBeNull();
	});

	it('collects polygon vertices and closes them into a ring from the third on', () => {
		const draft = new AreaDraft();
		draft.start('polygon');
		draft.point([0, 0]);
		draft.point([1, 0]);
		expect(draft.finishPolygon()).toBeNull();
		draft.point([1, 1]);
		expect(draft.finishPolygon()).toEqual({
			kind: 'polygon',
			ring: [
				[0, 0],
				[1, 0],
				[1, 1],
				[0, 0]
			]
		});
		expect(draft.vertices).toEqual([]);
	});

	it('toggles a tool off when pressed again, and cancelling forgets the vertices', () => {
		const draft = new AreaDraft();
		draft.start('polygon');
		draft.point([0, 0]);
		draft.start('polygon');
		expect(draft.mode).toBe('off');
		draft.start('polygon');
		draft.point([0, 0]);
		draft.cancel();
		expect([draft.mode, draft.vertices]).toEqual(['off', []]);
	});
});
