import { externalSupabaseEnv, type SupabaseEnv } from './stack/connection.ts';
import { startStack } from './stack/stack.ts';

/**
 * The Supabase the app and tests talk to: the one configured in the environment (hosted or any
 * other), else the embedded local stack, started if needed. Same code path either way.
 */
export async function supabaseEnv(): Promise<{ env: Partial<SupabaseEnv>; local: boolean }> {
	const external = externalSupabaseEnv();
	if (external) {
		if (!external.PUBLIC_SUPABASE_ANON_KEY)
			throw new Error('PUBLIC_SUPABASE_URL está definido pero falta PUBLIC_SUPABASE_ANON_KEY.');
		return { env: external, local: false };
	}
	return { env: await startStack(), local: true };
}

/** Only what the app's process needs: the service key and DB URL stay out of the web server. */
export function appEnv(env: Partial<SupabaseEnv>): Record<string, string> {
	const out: Record<string, string> = {
		PUBLIC_SUPABASE_URL: env.PUBLIC_SUPABASE_URL!,
		PUBLIC_SUPABASE_ANON_KEY: env.PUBLIC_SUPABASE_ANON_KEY!
	};
	if (process.env.PUBLIC_MAP_STYLE_URL) out.PUBLIC_MAP_STYLE_URL = process.env.PUBLIC_MAP_STYLE_URL;
	return out;
}
