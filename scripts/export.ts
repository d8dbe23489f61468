// npm run export -- --format csv|geojson|oc4ids [--region RR] [--comuna CODE] [--out FILE]
// The /api/export endpoints from the command line, for scheduled jobs: the same filter model and
// the same streamed exports (src/lib/server/export.ts, loaded through app-modules.ts), as an
// anonymous visitor, so a job publishes exactly what the public site shows.
import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { parseArgs } from 'node:util';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { importAppModule } from './lib/export/app-modules.ts';
import { requireSetting, resolveConnection } from './lib/connection.ts';

const USAGE = `Uso: npm run export -- --format csv|geojson|oc4ids [--region RR] [--comuna CÓDIGO] [--out ARCHIVO]

Exporta los proyectos que cumplen el filtro, como las descargas de /proyectos, sin pasar por la web.

  --format   csv (UTF-8 con BOM), geojson (RFC 7946) u oc4ids (paquete de proyectos OC4IDS 0.9)
  --region   código de región de dos dígitos (p. ej. 05)
  --comuna   código de comuna de cinco dígitos (p. ej. 05101); se puede repetir
  --sep      separador del CSV: , (por omisión) o ; (Excel configurado para Chile)
  --out      archivo de salida (por omisión, la salida estándar)
  --uri      URI del paquete OC4IDS (por omisión, la URL equivalente de la API en ORIGIN)

Lee como un visitante anónimo, con PUBLIC_SUPABASE_URL y PUBLIC_SUPABASE_ANON_KEY del entorno o,
si no están, del stack local.`;

type Format = 'csv' | 'geojson' | 'oc4ids';
const FORMATS: readonly Format[] = ['csv', 'geojson', 'oc4ids'];
const ENDPOINTS: Record<Format, string> = {
	csv: 'proyectos.csv',
	geojson: 'proyectos.geojson',
	oc4ids: 'proyectos.oc4ids.json'
};

// The shapes this script uses of the app's modules (their own types live under SvelteKit's
// tsconfig, which scripts/tsconfig.json does not load).
type RpcFilter = Record<string, unknown>;
type Stream = WebReadableStream<Uint8Array>;
interface ExportModule {
	ExportError: new (...args: never[]) => Error & { status: number };
	projectsCsv(
		supabase: SupabaseClient,
		filter: RpcFilter,
		language: 'es',
		separator: ',' | ';'
	): Promise<Stream>;
	projectsGeoJson(supabase: SupabaseClient, filter: RpcFilter): Promise<Stream>;
	projectsOc4ids(supabase: SupabaseClient, filter: RpcFilter, options: { uri: string }): Promise<Stream>;
}
interface FilterUrlModule {
	filterFromSearchParams(params: URLSearchParams): {
		filter: object;
		notices: { param: string; value: string; reason: string }[];
	};
	filterToSearchParams(filter: object): URLSearchParams;
}
interface FilterRpcModule {
	filterToRpc(filter: object): RpcFilter;
}

class UsageError extends Error {}

function options() {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				format: { type: 'string' },
				region: { type: 'string' },
				comuna: { type: 'string', multiple: true },
				sep: { type: 'string' },
				out: { type: 'string' },
				uri: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			},
			strict: true,
			allowPositionals: false
		}));
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
	if (values.help) return null;
	const format = values.format as Format | undefined;
	if (!format || !FORMATS.includes(format))
		throw new UsageError(
			`--format debe ser csv, geojson u oc4ids (recibido: ${values.format ?? 'nada'}).`
		);
	if (values.sep !== undefined && values.sep !== ',' && values.sep !== ';')
		throw new UsageError(`--sep debe ser , o ; (recibido: ${values.sep}).`);
	const sep: ',' | ';' = values.sep === ';' ? ';' : ',';
	return { ...values, format, sep };
}

async function main(): Promise<void> {
	const args = options();
	if (!args) {
		console.log(USAGE);
		return;
	}
	const [exportModule, urlModule, rpcModule] = await Promise.all([
		importAppModule<ExportModule>('server/export.ts'),
		importAppModule<FilterUrlModule>('filters/url.ts'),
		importAppModule<FilterRpcModule>('filters/rpc.ts')
	]);

	// The same parameters a link to /proyectos carries, validated by the same parser.
	const params = new URLSearchParams();
	if (args.region) params.set('region', args.region);
	for (const code of args.comuna ?? []) params.append('comuna', code);
	const { filter, notices } = urlModule.filterFromSearchParams(params);
	if (notices.length)
		throw new UsageError(
			notices
				.map((n) =>
					n.reason === 'outOfScope'
						? `--comuna ${n.value} no pertenece a la región ${args.region}.`
						: `--${n.param} ${n.value} no es un código válido.`
				)
				.join('\n')
		);

	const connection = resolveConnection();
	const supabase = createClient(
		requireSetting(connection, 'PUBLIC_SUPABASE_URL'),
		requireSetting(connection, 'PUBLIC_SUPABASE_ANON_KEY'),
		{ auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } }
	);
	const rpcFilter = rpcModule.filterToRpc(filter);
	const query = urlModule.filterToSearchParams(filter).toString();
	const origin = process.env.ORIGIN ?? 'http://localhost:3000';
	const uri = args.uri ?? `${origin}/api/export/${ENDPOINTS[args.format]}${query ? `?${query}` : ''}`;

	let body: Stream;
	try {
		body =
			args.format === 'csv'
				? await exportModule.projectsCsv(supabase, rpcFilter, 'es', args.sep)
				: args.format === 'geojson'
					? await exportModule.projectsGeoJson(supabase, rpcFilter)
					: await exportModule.projectsOc4ids(supabase, rpcFilter, { uri });
	} catch (error) {
		if (error instanceof exportModule.ExportError)
			throw new Error(`La base de datos rechazó la exportación: ${error.message}`, { cause: error });
		throw error;
	}
	const destination: Writable = args.out ? createWriteStream(args.out) : process.stdout;
	await pipeline(Readable.fromWeb(body), destination);
	if (args.out) console.error(`Escrito ${args.out}`);
}

main().catch((error: unknown) => {
	if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
	else console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
});
