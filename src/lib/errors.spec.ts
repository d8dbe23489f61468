import { isHttpError } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeDataError, describeSignInError, failOnDataError } from './errors';

describe('describeDataError', () => {
	it('reports an unreachable database when fetch itself failed', () => {
		expect(describeDataError({ message: 'TypeError: fetch failed', code: '' }, 0)).toEqual({
			status: 503,
			key: 'db.unavailable'
		});
		expect(describeDataError({ code: 'PGRST001' }, 503).key).toBe('db.unavailable');
	});

	it('maps an expired JWT to a session message', () => {
		expect(describeDataError({ code: 'PGRST303' }, 401)).toEqual({
			status: 401,
			key: 'db.sessionExpired'
		});
	});

	it('maps an RLS / privilege refusal to forbidden', () => {
		expect(describeDataError({ code: '42501' }, 403).key).toBe('db.forbidden');
	});

	it('maps .single() with no row to not found', () => {
		expect(describeDataError({ code: 'PGRST116' }, 406)).toEqual({ status: 404, key: 'db.notFound' });
	});

	it('keeps anything else a generic server error', () => {
		const generic = { status: 500, key: 'db.unexpected' };
		expect(describeDataError({ code: '22P02' }, 400)).toEqual(generic);
		expect(describeDataError({ code: '23505' }, 409)).toEqual(generic);
		expect(describeDataError({ code: 'XX000' }, 500)).toEqual(generic);
	});

	it('reports a missing table or function as a server fault, although PostgREST answers 404', () => {
		const generic = { status: 500, key: 'db.unexpected' };
		expect(describeDataError({ code: '42P01' }, 404)).toEqual(generic);
		expect(describeDataError({ code: '42883' }, 404)).toEqual(generic);
		expect(describeDataError({ code: 'PGRST202' }, 404)).toEqual(generic);
	});
});

describe('failOnDataError', () => {
	afterEach(() => vi.restoreAllMocks());

	it('does nothing without an error', () => {
		expect(() => failOnDataError({ error: null, status: 200 }, 'es', 'test')).not.toThrow();
	});

	it('throws an HTTP error with the translated message', () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			failOnDataError({ error: { message: 'fetch failed', code: '' }, status: 0 }, 'es', 'test');
			expect.unreachable();
		} catch (thrown) {
			expect(isHttpError(thrown, 503)).toBe(true);
			expect((thrown as { body: { message: string } }).body.message).toBe(
				'No se pudo conectar con la base de datos. Intenta de nuevo en unos momentos.'
			);
		}
	});
});

describe('describeSignInError', () => {
	it('answers wrong e-mail and wrong password alike', () => {
		expect(describeSignInError({ status: 400, code: 'invalid_credentials' }).key).toBe(
			'login.invalidCredentials'
		);
		expect(describeSignInError({ status: 400 }).key).toBe('login.invalidCredentials');
	});

	it('tells the person to wait when rate limited', () => {
		expect(describeSignInError({ status: 429, code: 'over_request_rate_limit' })).toEqual({
			status: 429,
			key: 'login.tooManyAttempts'
		});
	});

	it('treats an unreachable auth service as a server problem', () => {
		expect(describeSignInError({ name: 'AuthRetryableFetchError', status: 0 })).toEqual({
			status: 503,
			key: 'login.unexpected'
		});
	});
});
