import { describe, expect, it } from 'vitest';
import { translatePlural } from './index';

describe('translatePlural', () => {
	it('picks the singular for one and the plural otherwise, by CLDR rules', () => {
		expect(translatePlural('es', 'region.communeCount', 1)).toBe('1 comuna');
		expect(translatePlural('es', 'region.communeCount', 0)).toBe('0 comunas');
		expect(translatePlural('es', 'region.communeCount', 2)).toBe('2 comunas');
		expect(translatePlural('en', 'region.communeCount', 1)).toBe('1 commune');
	});
	it('writes the count the Chilean way', () => {
		expect(translatePlural('es', 'region.communeCount', 1234)).toBe('1.234 comunas');
		expect(translatePlural('en', 'region.communeCount', 1234)).toBe('1,234 communes');
	});
});
