import { describe, expect, it } from 'vitest';
import { addSources, originsOf, securityHeaders, websocketOriginsOf } from './security-headers';

describe('securityHeaders', () => {
	it('sends HSTS only over HTTPS', () => {
		expect(securityHeaders(true)['strict-transport-security']).toMatch(/^max-age=31536000/);
		expect(securityHeaders(false)).not.toHaveProperty('strict-transport-security');
	});

	it('forbids framing, sniffing and powerful features', () => {
		const headers = securityHeaders(false);
		expect(headers['x-frame-options']).toBe('DENY');
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		expect(headers['permissions-policy']).toContain('camera=()');
		expect(headers['permissions-policy']).toContain('geolocation=()');
	});
});

describe('originsOf', () => {
	it('keeps http(s) origins once and drops the rest', () => {
		expect(
			originsOf([
				'http://127.0.0.1:54321',
				'http://127.0.0.1:54321/rest/v1',
				'https://tiles.example/style.json',
				'javascript:alert(1)',
				'not a url',
				null,
				undefined
			])
		).toEqual(['http://127.0.0.1:54321', 'https://tiles.example']);
	});
});

describe('addSources', () => {
	const policy = "default-src 'self'; connect-src 'self'; frame-ancestors 'none'";

	it('adds to the directive, once', () => {
		expect(addSources(policy, 'connect-src', ['http://api.example', "'self'"])).toBe(
			"default-src 'self'; connect-src 'self' http://api.example; frame-ancestors 'none'"
		);
	});

	it('creates a missing directive and leaves the policy alone without sources', () => {
		expect(addSources("default-src 'self'", 'connect-src', ['https://a.example'])).toBe(
			"default-src 'self'; connect-src https://a.example"
		);
		expect(addSources(policy, 'connect-src', [])).toBe(policy);
	});

	it('does not match a directive that only starts with the same name', () => {
		expect(addSources("script-src-elem 'self'", 'script-src', ['https://a.example'])).toBe(
			"script-src-elem 'self'; script-src https://a.example"
		);
	});
});

describe('websocketOriginsOf', () => {
	it('turns the API origins into the WebSocket origins Realtime uses', () => {
		expect(
			websocketOriginsOf(['https://abc.supabase.co/rest', 'http://127.0.0.1:54321', 'ftp://x', null])
		).toEqual(['wss://abc.supabase.co', 'ws://127.0.0.1:54321']);
	});
});
