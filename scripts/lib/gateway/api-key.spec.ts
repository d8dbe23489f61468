import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { matchApiKey, presentedApiKey } from './api-key.ts';

const keys = { anonKey: 'anon.jwt.value', serviceKey: 'service.jwt.value' };
const request = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as IncomingMessage;

describe('presentedApiKey', () => {
	it('prefers the header, then the query parameter', () => {
		expect(presentedApiKey(request({ apikey: 'h' }), new URLSearchParams('apikey=q'))).toBe('h');
		expect(presentedApiKey(request({}), new URLSearchParams('apikey=q'))).toBe('q');
		expect(presentedApiKey(request({}), new URLSearchParams(''))).toBeNull();
		expect(presentedApiKey(request({ apikey: '' }), new URLSearchParams('apikey='))).toBeNull();
	});
});

describe('matchApiKey', () => {
	it('recognizes exactly the two keys', () => {
		expect(matchApiKey('anon.jwt.value', keys)).toBe('anon');
		expect(matchApiKey('service.jwt.value', keys)).toBe('service_role');
		expect(matchApiKey('anon.jwt.valuE', keys)).toBeNull();
		expect(matchApiKey('anon.jwt.value ', keys)).toBeNull();
		expect(matchApiKey('', keys)).toBeNull();
	});
});
