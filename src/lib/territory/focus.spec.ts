import { describe, expect, it } from 'vitest';
import { mainFocus } from './focus';

describe('mainFocus', () => {
	it('frames the mainland comunas and leaves the far islands out', () => {
		const valparaiso: [number, number, number, number] = [-71.8, -33.2, -71.5, -32.9];
		const casablanca: [number, number, number, number] = [-71.6, -33.5, -71.1, -33.1];
		const quintero: [number, number, number, number] = [-71.6, -32.9, -71.3, -32.7];
		const juanFernandez: [number, number, number, number] = [-80.9, -34.0, -78.7, -33.5];
		expect(mainFocus([valparaiso, casablanca, juanFernandez, quintero])).toEqual([
			-71.8, -33.5, -71.1, -32.7
		]);
	});
	it('keeps a single place, and has nothing to frame without places', () => {
		expect(mainFocus([[-109.5, -27.2, -109.2, -27.0]])).toEqual([-109.5, -27.2, -109.2, -27.0]);
		expect(mainFocus([])).toBeNull();
	});
});
