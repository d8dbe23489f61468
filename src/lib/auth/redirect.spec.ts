import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';
import { EVIL_HOST, redirectBypassVectors } from './redirect-vectors';

const SITE = 'https://tablero.example';

describe('safeRedirectPath', () => {
	it('keeps a local path with its query and hash', () => {
		expect(safeRedirectPath('/region/05?x=1#provincia-051')).toBe('/region/05?x=1#provincia-051');
		expect(safeRedirectPath('/comuna/05109')).toBe('/comuna/05109');
	});

	it('normalises dot segments inside the site', () => {
		expect(safeRedirectPath('/region/../comuna/05109')).toBe('/comuna/05109');
	});

	it('falls back for nothing, external and protocol-relative targets', () => {
		expect(safeRedirectPath(null)).toBe('/');
		expect(safeRedirectPath(undefined)).toBe('/');
		expect(safeRedirectPath('')).toBe('/');
		expect(safeRedirectPath('https://evil.example/')).toBe('/');
		expect(safeRedirectPath('//evil.example/')).toBe('/');
		expect(safeRedirectPath('/\\evil.example/')).toBe('/');
		expect(safeRedirectPath('javascript:alert(1)')).toBe('/');
	});

	it('checks the normalised path: /.//host used to become //host', () => {
		expect(safeRedirectPath(`/.//${EVIL_HOST}`)).toBe('/');
		expect(safeRedirectPath(`/x/..//${EVIL_HOST}`)).toBe('/');
		expect(safeRedirectPath(`/%2e//${EVIL_HOST}`)).toBe('/');
		expect(safeRedirectPath(`/\t/${EVIL_HOST}`)).toBe('/');
	});

	it('uses the given fallback', () => {
		expect(safeRedirectPath('http://x', '/comuna/05109')).toBe('/comuna/05109');
	});

	it('has at least 30 bypass vectors to prove', () => {
		expect(redirectBypassVectors.length).toBeGreaterThanOrEqual(30);
	});

	describe.each(redirectBypassVectors.map((vector) => [JSON.stringify(vector), vector]))(
		'bypass vector %s',
		(_name, vector) => {
			it('ends on this site, as a browser resolves the Location header', () => {
				const target = safeRedirectPath(vector);
				expect(target.startsWith('/')).toBe(true);
				expect(target.startsWith('//')).toBe(false);
				// eslint-disable-next-line no-control-regex -- no control character may survive
				expect(target).not.toMatch(/[\\\s\u0000-\u001f]/);
				const landed = new URL(target, SITE);
				expect(landed.origin).toBe(SITE);
				expect(landed.hostname).not.toContain(EVIL_HOST);
			});
		}
	);
});
