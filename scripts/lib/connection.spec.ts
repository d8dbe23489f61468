import { describe, expect, it } from 'vitest';
import { requireSetting, resolveConnection } from './connection.ts';

describe('resolveConnection', () => {
	it('takes every setting from the environment when a Supabase is configured there', () => {
		const connection = resolveConnection({
			PUBLIC_SUPABASE_URL: 'https://example.supabase.co',
			PUBLIC_SUPABASE_ANON_KEY: 'anon'
		});
		// No local key or database fills the gaps: they would be sent to a remote project.
		expect(connection).toEqual({
			local: false,
			env: {
				PUBLIC_SUPABASE_URL: 'https://example.supabase.co',
				PUBLIC_SUPABASE_ANON_KEY: 'anon',
				SUPABASE_SERVICE_ROLE_KEY: undefined,
				SUPABASE_DB_URL: undefined,
				SUPABASE_AUTH_FORWARDING_KEY: undefined
			}
		});
		expect(() => requireSetting(connection, 'SUPABASE_SERVICE_ROLE_KEY')).toThrow(
			/Falta SUPABASE_SERVICE_ROLE_KEY/
		);
	});

	it('points the database scripts at SUPABASE_DB_URL alone', () => {
		const connection = resolveConnection({ SUPABASE_DB_URL: 'postgres://owner@db.example/postgres' });
		expect(connection?.local).toBe(false);
		expect(requireSetting(connection, 'SUPABASE_DB_URL')).toBe('postgres://owner@db.example/postgres');
	});

	it('says how to get a stack when there is no connection at all', () => {
		expect(() => requireSetting(null, 'PUBLIC_SUPABASE_URL')).toThrow(/npm run stack -- start/);
	});
});
