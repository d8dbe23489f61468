import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';

describe('safeRedirectPath', () => {
	it('keeps a local path with its query and hash', () => {
		expect(safeRedirectPath('/region/05?x=1#provincia-051')).toBe('/region/05?x=1#provincia-051');
	});

	it('falls back for nothing, external and protocol-relative targets', () => {
		expect(safeRedirectPath(null)).toBe('/');
		expect(safeRedirectPath('')).toBe('/');
		expect(safeRedirectPath('https://evil.example/')).toBe('/');
		expect(safeRedirectPath('//evil.example/')).toBe('/');
		expect(safeRedirectPath('/\\evil.example/')).toBe('/');
		expect(safeRedirectPath('javascript:alert(1)')).toBe('/');
	});

	it('uses the given fallback', () => {
		expect(safeRedirectPath('http://x', '/comuna/05101')).toBe('/comuna/05101');
	});
});
