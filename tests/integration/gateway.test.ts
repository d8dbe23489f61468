// The API gateway's own limits as a client meets them (docs/SECURITY.md, "Gateway and local secrets").
import { describe, expect, it } from 'vitest';
import { testClient, testSetting } from '../support/supabase.ts';

const url = testSetting('PUBLIC_SUPABASE_URL');
const anonKey = testSetting('PUBLIC_SUPABASE_ANON_KEY');

describe('the gateway in front of PostgREST', () => {
	it('refuses an oversized anonymous body before PostgREST reads it', async () => {
		const res = await fetch(`${url}/rest/v1/regions`, {
			method: 'POST',
			headers: { apikey: anonKey, 'content-type': 'application/json' },
			body: `[${'"x",'.repeat(3_000_000)}"x"]`
		});
		expect(res.status).toBe(413);
		expect((await res.json()).message).toMatch(/^Request body too large/);
		// The API still answers afterwards.
		const { error } = await testClient().from('regions').select('code').limit(1);
		expect(error).toBeNull();
	});

	it('describes to anon only the tables anon may use', async () => {
		const res = await fetch(`${url}/rest/v1/`, { headers: { apikey: anonKey } });
		expect(res.status).toBe(200);
		const definitions = Object.keys(((await res.json()) as { definitions: object }).definitions);
		expect(definitions).toContain('regions');
		expect(definitions).toContain('publications');
		for (const hidden of ['memberships', 'audit_log', 'information_flows', 'pmg_evaluations'])
			expect(definitions).not.toContain(hidden);
	});
});
