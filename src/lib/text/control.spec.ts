import { describe, expect, it } from 'vitest';
import { hasControlCharacters, replaceControlCharacters } from './control';

describe('control characters', () => {
	it('finds NUL, tabs, newlines and DEL, not printable text', () => {
		for (const text of ['a\u0000b', 'a\tb', 'a\nb', 'a\u007fb'])
			expect(hasControlCharacters(text)).toBe(true);
		expect(hasControlCharacters('Viña del Mar ñ €')).toBe(false);
		// The same answer twice in a row (a global pattern keeps state between calls).
		expect(hasControlCharacters('a\u0000')).toBe(true);
		expect(hasControlCharacters('a\u0000')).toBe(true);
	});

	it('replaces every one of them', () => {
		expect(replaceControlCharacters('a\u0000b\nc', ' ')).toBe('a b c');
		expect(replaceControlCharacters('a\u0000b\nc', '')).toBe('abc');
	});
});
