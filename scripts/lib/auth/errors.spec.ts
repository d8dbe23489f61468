import { describe, expect, it } from 'vitest';
import { AuthHttpError, errorResponse, invalidCredentials, requestsVersion20240101 } from './errors.ts';

describe('requestsVersion20240101', () => {
	it('accepts 2024-01-01 and later dates, as supabase-js sends', () => {
		expect(requestsVersion20240101('2024-01-01')).toBe(true);
		expect(requestsVersion20240101('2025-06-30')).toBe(true);
	});
	it('refuses absent, earlier or malformed versions', () => {
		expect(requestsVersion20240101(undefined)).toBe(false);
		expect(requestsVersion20240101('2023-12-31')).toBe(false);
		expect(requestsVersion20240101('2024-1-1')).toBe(false);
		expect(requestsVersion20240101('latest')).toBe(false);
	});
});

describe('errorResponse', () => {
	it('uses the 2024-01-01 shape, echoing the version, when the client asks for it', () => {
		const answer = errorResponse(invalidCredentials(), '2024-01-01');
		expect(answer.status).toBe(400);
		expect(answer.body).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
		expect(answer.headers).toEqual({
			'x-sb-error-code': 'invalid_credentials',
			'x-supabase-api-version': '2024-01-01'
		});
	});

	it('uses the legacy shape otherwise', () => {
		const answer = errorResponse(invalidCredentials(), undefined);
		expect(answer.body).toEqual({
			code: 400,
			error_code: 'invalid_credentials',
			msg: 'Invalid login credentials'
		});
		expect(answer.headers).toEqual({ 'x-sb-error-code': 'invalid_credentials' });
	});

	it('keeps extra fields such as weak_password reasons', () => {
		const weak = new AuthHttpError(422, 'weak_password', 'too short', {
			weak_password: { reasons: ['length'] }
		});
		expect(errorResponse(weak, '2024-01-01').body).toEqual({
			code: 'weak_password',
			message: 'too short',
			weak_password: { reasons: ['length'] }
		});
	});
});
