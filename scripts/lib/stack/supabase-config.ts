// The limits the embedded stack enforces, read from supabase/config.toml: the file the Supabase CLI
// applies to a Docker stack or a hosted project (`supabase config push`), so both modes keep one
// set of numbers instead of a copy in the code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { z } from 'zod';
import { repoRoot } from './config.ts';

const seconds = z.number().int().positive();

/** The keys we use, with the Supabase CLI's names and defaults. */
const supabaseConfigSchema = z.object({
	api: z.object({ max_rows: z.number().int().positive().default(1000) }).prefault({}),
	auth: z
		.object({
			jwt_expiry: seconds.default(3600),
			refresh_token_reuse_interval: z.number().int().min(0).default(10),
			rate_limit: z
				.object({
					/** Per client address and 5 minutes (as GoTrue counts it). */
					sign_in_sign_ups: z.number().int().positive().default(30)
				})
				.prefault({})
		})
		.prefault({})
});

export interface StackLimits {
	/** PostgREST's cap on the rows of one response. */
	maxRows: number;
	/** Access token lifetime. */
	jwtExpirySeconds: number;
	/** How long a rotated refresh token still returns its successor (concurrent refreshes). */
	refreshTokenReuseSeconds: number;
	/** Failed password sign-ins allowed per client address in 5 minutes. */
	signInsPerAddress: number;
}

export function parseStackLimits(toml: string): StackLimits {
	const parsed = supabaseConfigSchema.safeParse(parse(toml));
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		throw new Error(`supabase/config.toml: ${problems.join('; ')}`);
	}
	const { api, auth } = parsed.data;
	return {
		maxRows: api.max_rows,
		jwtExpirySeconds: auth.jwt_expiry,
		refreshTokenReuseSeconds: auth.refresh_token_reuse_interval,
		signInsPerAddress: auth.rate_limit.sign_in_sign_ups
	};
}

export function readStackLimits(path = join(repoRoot, 'supabase', 'config.toml')): StackLimits {
	return parseStackLimits(readFileSync(path, 'utf8'));
}
