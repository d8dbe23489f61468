import { describe, expect, it } from 'vitest';
import { fitProjection, geometryPath } from './svg-path';

describe('static SVG boundaries', () => {
	it('fits a box to the width, north up, keeping the aspect at that latitude', () => {
		const projection = fitProjection([-73, -38, -71, -36], 200);
		expect(projection.project([-73, -36])).toEqual([0, 0]);
		const [x, y] = projection.project([-71, -38]);
		expect(x).toBe(200);
		// 2° of latitude against 2° of longitude shrunk by cos(37°) ≈ 0.7986.
		expect(y).toBeCloseTo(200 / Math.cos((37 * Math.PI) / 180), 0);
		expect(projection.height).toBe(Math.round(y));
	});

	it('draws every ring of a multipolygon and nothing for a point', () => {
		const projection = fitProjection([0, 0, 10, 10], 100);
		const square = [
			[0, 0],
			[10, 0],
			[10, 10],
			[0, 0]
		];
		const d = geometryPath({ type: 'MultiPolygon', coordinates: [[square], [square]] }, projection);
		expect(d.match(/M/g)).toHaveLength(2);
		expect(d.match(/Z/g)).toHaveLength(2);
		expect(geometryPath({ type: 'Point', coordinates: [1, 1] }, projection)).toBe('');
		expect(geometryPath(null, projection)).toBe('');
	});
});
