import { isHttpError } from '@sveltejs/kit';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { es } from './i18n/es';
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

	it('reports a missing table, column or RPC as a server fault, not as "not found"', () => {
		for (const code of ['42P01', '42703', '42883', 'PGRST200', 'PGRST202', 'PGRST205']) {
			expect(describeDataError({ code }, 404), code).toEqual({ status: 500, key: 'db.unexpected' });
		}
	});

	it('keeps anything else a generic server error', () => {
		expect(describeDataError({ code: '22P02' }, 400)).toEqual({ status: 500, key: 'db.unexpected' });
		expect(describeDataError({ code: 'XX000' }, 500)).toEqual({ status: 500, key: 'db.unexpected' });
	});

	it('words a violated constraint from the catalogue by its name', () => {
		const check = {
			code: '23514',
			message: 'new row for relation "projects" violates check constraint "projects_end_after_start"'
		};
		expect(describeDataError(check, 400)).toEqual({
			status: 400,
			key: 'constraint.projects_end_after_start'
		});
		const unique = {
			code: '23505',
			message: 'duplicate key value violates unique constraint "projects_bip_code_key"',
			details: 'Key (bip_code)=(12345-6) already exists.'
		};
		expect(describeDataError(unique, 409)).toEqual({
			status: 409,
			key: 'constraint.projects_bip_code_key'
		});
	});

	it('falls back to a generic integrity message for a constraint the catalogue does not word', () => {
		const message = 'violates check constraint "some_future_rule"';
		expect(describeDataError({ code: '23514', message }, 400)).toEqual({
			status: 400,
			key: 'db.invalidData'
		});
		expect(describeDataError({ code: '23505', message: 'duplicate' }, 409)).toEqual({
			status: 409,
			key: 'db.conflict'
		});
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

describe('the constraint catalogue', () => {
	it('words only constraints that the migrations define', () => {
		const dir = join(process.cwd(), 'supabase', 'migrations');
		const sql = readdirSync(dir)
			.map((f) => readFileSync(join(dir, f), 'utf8'))
			.join('\n');
		const worded = Object.keys(es).filter((k) => k.startsWith('constraint.'));
		expect(worded.length).toBeGreaterThan(10);
		for (const key of worded) {
			const name = key.slice('constraint.'.length);
			// Unique constraints made by `unique` on a column are named <table>_<column>_key by Postgres.
			const implicitUnique = /^(\w+?)_(\w+)_key$/.exec(name);
			const defined =
				new RegExp(`constraint ${name}\\b`).test(sql) ||
				(implicitUnique !== null &&
					new RegExp(`create table public\\.${implicitUnique[1]}\\b`).test(sql));
			expect(defined, name).toBe(true);
		}
	});
});
