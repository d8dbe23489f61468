import { describe, expect, it } from 'vitest';
import { MissingSupabaseEnvError, readSupabaseEnv } from './supabase-env';

describe('readSupabaseEnv', () => {
	it('reads the URL, the key and the optional basemap', () => {
		expect(
			readSupabaseEnv({
				PUBLIC_SUPABASE_URL: ' http://127.0.0.1:54321 ',
				PUBLIC_SUPABASE_ANON_KEY: 'key',
				PUBLIC_MAP_STYLE_URL: ''
			})
		).toEqual({ url: 'http://127.0.0.1:54321', anonKey: 'key', mapStyleUrl: null, realtime: true });
	});

	it('assumes Realtime unless the instance says it has none (the embedded stack)', () => {
		const base = { PUBLIC_SUPABASE_URL: 'http://127.0.0.1:54321', PUBLIC_SUPABASE_ANON_KEY: 'k' };
		expect(readSupabaseEnv({ ...base, PUBLIC_SUPABASE_REALTIME: ' OFF ' }).realtime).toBe(false);
		expect(readSupabaseEnv({ ...base, PUBLIC_SUPABASE_REALTIME: '' }).realtime).toBe(true);
	});

	it('names every missing variable and tells how to get them', () => {
		expect(() => readSupabaseEnv({ PUBLIC_SUPABASE_ANON_KEY: '' })).toThrowError(MissingSupabaseEnvError);
		try {
			readSupabaseEnv({});
		} catch (error) {
			const message = (error as Error).message;
			expect(message).toContain('PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY');
			expect(message).toContain('npm start');
			expect(message).toContain('npm run stack -- env');
		}
	});

	it('refuses a URL that cannot be parsed', () => {
		expect(() =>
			readSupabaseEnv({ PUBLIC_SUPABASE_URL: 'stack local', PUBLIC_SUPABASE_ANON_KEY: 'k' })
		).toThrowError(/no es una URL válida/);
	});
});
