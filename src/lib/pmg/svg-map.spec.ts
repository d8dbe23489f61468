import { describe, expect, it } from 'vitest';
import { svgMap } from './svg-map';

describe('svgMap', () => {
	const square = (code: string, west: number, south: number) => ({
		type: 'Feature' as const,
		properties: { code, name: `Comuna ${code}` },
		geometry: {
			type: 'Polygon' as const,
			coordinates: [
				[
					[west, south],
					[west + 1, south],
					[west + 1, south + 1],
					[west, south + 1],
					[west, south]
				]
			]
		}
	});

	it("fits the frame to the width, north up, keeping each area's code and name", () => {
		const map = svgMap([square('A', 0, 0), square('B', 1, 0)], [0, 0, 2, 1], 200);
		expect(map.width).toBe(200);
		expect(map.height).toBe(100);
		expect(map.areas[0]).toEqual({
			code: 'A',
			name: 'Comuna A',
			d: 'M0 100L100 100L100 0L0 0Z'
		});
		expect(map.areas[1].code).toBe('B');
	});

	it('leaves out what lies far outside the frame', () => {
		const map = svgMap([square('far', 40, 0)], [0, 0, 2, 1], 200);
		expect(map.areas).toEqual([]);
	});
});
