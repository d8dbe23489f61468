import { describe, expect, it } from 'vitest';
import { parseStackLimits, readStackLimits } from './supabase-config.ts';

describe('stack limits from supabase/config.toml', () => {
	it('reads the keys the Supabase CLI uses', () => {
		const toml = `
[api]
max_rows = 250
[auth]
jwt_expiry = 900
refresh_token_reuse_interval = 5
[auth.rate_limit]
sign_in_sign_ups = 12
`;
		expect(parseStackLimits(toml)).toEqual({
			maxRows: 250,
			jwtExpirySeconds: 900,
			refreshTokenReuseSeconds: 5,
			signInsPerAddress: 12
		});
	});

	it("falls back to the CLI's defaults for keys the file leaves out", () => {
		expect(parseStackLimits('project_id = "x"')).toEqual({
			maxRows: 1000,
			jwtExpirySeconds: 3600,
			refreshTokenReuseSeconds: 10,
			signInsPerAddress: 30
		});
	});

	it('refuses a value that is not a limit, naming the key', () => {
		expect(() => parseStackLimits('[auth]\njwt_expiry = "1h"')).toThrow(/auth\.jwt_expiry/);
	});

	it("reads the project's own file", () => {
		expect(readStackLimits().jwtExpirySeconds).toBe(3600);
	});
});
