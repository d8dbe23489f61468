/**
 * The app is one build that runs against any Supabase (hosted or the embedded local stack): the
 * URL and key arrive at runtime through `$env/dynamic/public`, never baked in at build time.
 */
export interface SupabaseEnv {
	url: string;
	anonKey: string;
	/** Optional basemap style; without it the map uses a plain offline style. */
	mapStyleUrl: string | null;
	/**
	 * Whether the instance has Supabase Realtime (`PUBLIC_SUPABASE_REALTIME=off` says it has not:
	 * the embedded stack). Without it the app never opens a WebSocket, which would only fail.
	 */
	realtime: boolean;
}

export class MissingSupabaseEnvError extends Error {
	constructor(missing: string[]) {
		super(
			`Faltan variables de entorno: ${missing.join(', ')}. ` +
				'Inicia la aplicación con «npm start» (levanta el stack local de Supabase y las define), ' +
				'o expórtalas desde el stack con: npm run stack -- env --output /tmp/stack.env; set -a; . /tmp/stack.env; set +a. ' +
				`| Missing environment variables: ${missing.join(', ')}. ` +
				'Start the app with `npm start`, or export them from the local stack with `npm run stack -- env --output FILE` (written with mode 600).'
		);
		this.name = 'MissingSupabaseEnvError';
	}
}

export function readSupabaseEnv(env: Record<string, string | undefined>): SupabaseEnv {
	const url = env.PUBLIC_SUPABASE_URL?.trim();
	const anonKey = env.PUBLIC_SUPABASE_ANON_KEY?.trim();
	const missing = [
		...(url ? [] : ['PUBLIC_SUPABASE_URL']),
		...(anonKey ? [] : ['PUBLIC_SUPABASE_ANON_KEY'])
	];
	if (!url || !anonKey) throw new MissingSupabaseEnvError(missing);
	if (!URL.canParse(url)) {
		throw new Error(`PUBLIC_SUPABASE_URL no es una URL válida: «${url}» | not a valid URL`);
	}
	return {
		url,
		anonKey,
		mapStyleUrl: env.PUBLIC_MAP_STYLE_URL?.trim() || null,
		realtime: realtimeAvailable(env)
	};
}

/** Realtime is assumed (hosted Supabase has it) unless `PUBLIC_SUPABASE_REALTIME=off`. */
export function realtimeAvailable(env: Record<string, string | undefined>): boolean {
	return env.PUBLIC_SUPABASE_REALTIME?.trim().toLowerCase() !== 'off';
}
