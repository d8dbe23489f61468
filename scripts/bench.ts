// npm run bench -- [--projects 10000,100000] [--seed 7] [--rounds 3] [--no-load] [--no-rpc] [--no-tiles] [--no-app]
//   [--only tiles|aggregates]
// The dashboard's performance budget, measured on this machine (docs/BENCHMARKS.md, "Dashboard"):
// for each sample size, loads the sample into the local stack (replacing its sample: run
// `npm run data:sample` afterwards for the default one), then measures
// - the tile RPC (public.project_tile) uncached, zooms 5–14 over several cities and filters, and
// - the aggregate RPCs (commune_metrics, dashboard_summary) over several filters,
// each through the gateway + PostgREST (what the app and MapLibre call) and as the same SQL run
// directly on Postgres in the same role with the same JWT claims, so their ratio is the cost of
// the HTTP path; and a cached tile through the SvelteKit endpoint (memory hit and 304).
// Requests run as a signed-in admin (RLS applies, as for every reader). Prints a table and
// writes bench/results.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import {
	launchChromium,
	measureFilterChanges,
	measureFirstLoad,
	measureNaive,
	NATIONAL_CHANGES,
	REGION_CHANGES
} from './lib/bench/browser.ts';
import { loadSample } from './lib/sample/load.ts';
import { repoRoot } from './lib/stack/config.ts';
import { startStack } from './lib/stack/stack.ts';

const { values: args } = parseArgs({
	options: {
		projects: { type: 'string', default: '10000,100000' },
		seed: { type: 'string', default: '7' },
		rounds: { type: 'string', default: '3' },
		'no-load': { type: 'boolean', default: false },
		'no-rpc': { type: 'boolean', default: false },
		// The aggregates alone (the tile rows take most of an RPC run).
		'no-tiles': { type: 'boolean', default: false },
		'no-app': { type: 'boolean', default: false },
		// One half of the RPC rows alone, without the app and the browser.
		only: { type: 'string' }
	}
});
if (args.only !== undefined && !['tiles', 'aggregates'].includes(args.only))
	throw new Error(`--only tiles|aggregates, no «${args.only}»`);
const skipTiles = args['no-tiles'] || args.only === 'aggregates';
const skipAggregates = args.only === 'tiles';
const skipApp = args['no-app'] || args.only !== undefined;

const say = (line: string) => process.stdout.write(line + '\n');
const sizes = args.projects.split(',').map(Number);
const rounds = Math.max(1, Number(args.rounds));
const TARGETS = { tileP95: 30, aggregateP95: 50, ratio: 1.5 };

/** One row of the results: a measured operation's latency distribution. */
export interface Measurement {
	projects: number;
	name: string;
	path: 'gateway' | 'direct' | 'app' | 'browser' | 'naive';
	samples: number;
	p50: number;
	p95: number;
	max: number;
	bytesP95?: number;
	/** The machine's 1-minute load average when the figure was taken (2 cores shared). */
	load: number;
}

/**
 * Measurements of a dashboard page in a browser, added by whoever owns them (the lead's Chromium
 * run): each gets the page URL of the running app and returns its rows. Registered here so that
 * they run after the database figures, on the same data, and land in the same results file.
 */
export type PageMeasurer = (pageUrl: string, projects: number) => Promise<Measurement[]>;
export const pageMeasurers: PageMeasurer[] = [];

/** Requests that failed (a timeout, an error): reported, and left out of the percentiles. */
const failures: string[] = [];

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function summarise(
	projects: number,
	name: string,
	path: Measurement['path'],
	times: number[],
	sizes?: number[]
): Measurement {
	const sorted = [...times].sort((a, b) => a - b);
	const bytes = sizes ? [...sizes].sort((a, b) => a - b) : undefined;
	const round1 = (v: number) => Math.round(v * 10) / 10;
	return {
		projects,
		name,
		path,
		samples: times.length,
		p50: round1(percentile(sorted, 50)),
		p95: round1(percentile(sorted, 95)),
		max: round1(sorted.at(-1)!),
		load: round1(loadavg()[0]),
		...(bytes ? { bytesP95: percentile(bytes, 95) } : {})
	};
}

const CITIES: [string, number, number][] = [
	['Santiago', -70.65, -33.45],
	['Valparaíso', -71.62, -33.05],
	['Concepción', -73.05, -36.82],
	['Antofagasta', -70.4, -23.65],
	['Temuco', -72.6, -38.74],
	['Puerto Montt', -72.94, -41.47]
];

function tileOf(z: number, lon: number, lat: number) {
	const n = 2 ** z;
	const rad = (lat * Math.PI) / 180;
	return {
		z,
		x: Math.floor(((lon + 180) / 360) * n),
		y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)
	};
}

const TILE_FILTERS: Record<string, object> = {
	'sin filtro': {},
	vialidad: { services: ['vialidad'] },
	'en ejecución, en curso': { stages: ['execution'], statuses: ['in_progress'] },
	'región 13 + atrasados': { region: '13', delayed: true }
};

// Each is answered without the per-row path (roll-ups; text through the pieces of its matches),
// and each is also forced through the rows, side by side.
const AGGREGATE_FILTERS: Record<string, object> = {
	'sin filtro': {},
	'región 05': { region: '05' },
	'región 13, vialidad': { region: '13', services: ['vialidad'] },
	'provincia 131': { province: '131' },
	'en ejecución, en curso': { stages: ['execution'], statuses: ['in_progress'] },
	'provincia 131, 2024–2026': { province: '131', year_from: 2024, year_to: 2026 },
	'2024–2026': { year_from: 2024, year_to: 2026 },
	'compromisos vencidos': { commitment_status: 'overdue' },
	'texto "puente"': { q: 'puente' },
	atrasados: { delayed: true },
	// Several territories: summed from the roll-ups' pieces since 20261203030200.
	'3 comunas': { communes: ['13101', '13114', '13110'] },
	'3 comunas, vialidad, 2024–2026': {
		communes: ['13101', '13114', '13110'],
		services: ['vialidad'],
		year_from: 2024,
		year_to: 2026
	},
	'región 13 + provincia 131': { region: '13', province: '131' }
};
/** Whether the low-zoom grid answers a filter: asked of the database (private.project_grid_covers), the one rule. */
const gridCovered = new Map<string, boolean>();
async function gridCovers(db: pg.Client, filter: object): Promise<boolean> {
	const key = JSON.stringify(filter);
	if (!gridCovered.has(key)) {
		const { rows } = await db.query<{ covers: boolean }>(
			'select private.project_grid_covers($1) as covers',
			[filter]
		);
		gridCovered.set(key, rows[0].covers);
	}
	return gridCovered.get(key)!;
}

/** The SQL of an aggregate RPC as the app calls it, and forced through the roll-up or the rows. */
const AGGREGATE_SQL: Record<string, Record<'auto' | 'rollup' | 'rows', string>> = {
	commune_metrics: {
		auto: 'select json_agg(m) from public.commune_metrics($1) m',
		rollup: 'select json_agg(m) from private.commune_metrics_by($1, true) m',
		rows: 'select json_agg(m) from private.commune_metrics_by($1, false) m'
	},
	dashboard_summary: {
		auto: 'select public.dashboard_summary($1)',
		rollup: 'select private.dashboard_summary_by($1, true)',
		rows: 'select private.dashboard_summary_by($1, false)'
	}
};

interface Caller {
	userId: string;
	url: string;
	anonKey: string;
	token: string;
	claims: string;
}

async function adminCaller(env: Awaited<ReturnType<typeof startStack>>, db: pg.Client): Promise<Caller> {
	const service = createClient(env.PUBLIC_SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const email = `bench-${randomUUID().slice(0, 8)}@example.test`;
	const password = `clave-${randomUUID()}`;
	const created = await service.auth.admin.createUser({ email, password, email_confirm: true });
	if (created.error) throw created.error;
	const userId = created.data.user.id;
	await db.query(`insert into public.memberships (user_id, role) values ($1, 'admin')`, [userId]);
	const client = createClient(env.PUBLIC_SUPABASE_URL, env.PUBLIC_SUPABASE_ANON_KEY, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const signIn = await client.auth.signInWithPassword({ email, password });
	if (signIn.error) throw signIn.error;
	return {
		userId,
		url: env.PUBLIC_SUPABASE_URL,
		anonKey: env.PUBLIC_SUPABASE_ANON_KEY,
		token: signIn.data.session.access_token,
		claims: JSON.stringify({ sub: userId, role: 'authenticated', aud: 'authenticated' })
	};
}

async function viaGateway(caller: Caller, fn: string, body: object, accept: string) {
	const started = performance.now();
	const response = await fetch(`${caller.url}/rest/v1/rpc/${fn}`, {
		method: 'POST',
		headers: {
			apikey: caller.anonKey,
			authorization: `Bearer ${caller.token}`,
			'content-type': 'application/json',
			accept
		},
		body: JSON.stringify(body)
	});
	const answer = await response.arrayBuffer();
	const ms = performance.now() - started;
	if (!response.ok) {
		failures.push(`${fn} → ${response.status}: ${new TextDecoder().decode(answer).slice(0, 200)}`);
		return null;
	}
	return { ms, bytes: answer.byteLength };
}

/** The same call as PostgREST makes it: its role and JWT claims, in a transaction. */
async function direct(db: pg.Client, caller: Caller, sql: string, params: unknown[]) {
	await db.query('begin');
	try {
		// The role's own limit, as under PostgREST (a SET ROLE does not apply role settings).
		await db.query(`set local statement_timeout = '8s'`);
		await db.query(
			`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`,
			[caller.claims]
		);
		const started = performance.now();
		const result = await db.query({ text: sql, values: params, rowMode: 'array' });
		const ms = performance.now() - started;
		const first: unknown = result.rows[0]?.[0];
		const body = first instanceof Buffer ? first : undefined;
		return { ms, bytes: body?.byteLength ?? 0, body };
	} catch (failure) {
		failures.push(`directo: ${(failure as Error).message}`);
		return null;
	} finally {
		await db.query('rollback');
	}
}

async function measureRpcs(db: pg.Client, caller: Caller, projects: number): Promise<Measurement[]> {
	const rows: Measurement[] = [];
	const tileCalls = Object.entries(skipTiles ? {} : TILE_FILTERS).flatMap(([label, filter]) =>
		CITIES.flatMap(([, lon, lat]) =>
			Array.from({ length: 10 }, (_, i) => ({ label, filter, tile: tileOf(5 + i, lon, lat) }))
		)
	);
	const gatewayTiles: number[] = [];
	const directTiles: number[] = [];
	const tileBytes: number[] = [];
	const byZoom = new Map<number, number[]>();
	for (let round = 0; round < rounds; round++) {
		for (const { filter, tile } of tileCalls) {
			const g = await viaGateway(
				caller,
				'project_tile',
				{ ...tile, p_filter: filter },
				'application/vnd.mapbox-vector-tile'
			);
			const d = await direct(db, caller, 'select public.project_tile($1, $2, $3, $4)', [
				tile.z,
				tile.x,
				tile.y,
				filter
			]);
			if (g) {
				gatewayTiles.push(g.ms);
				tileBytes.push(g.bytes);
				byZoom.set(tile.z, [...(byZoom.get(tile.z) ?? []), g.ms]);
			}
			if (d) directTiles.push(d.ms);
		}
	}
	if (tileCalls.length) {
		rows.push(
			summarise(projects, 'mosaico (z5–14, 6 ciudades, 4 filtros)', 'gateway', gatewayTiles, tileBytes)
		);
		rows.push(summarise(projects, 'mosaico (z5–14, 6 ciudades, 4 filtros)', 'direct', directTiles));
	}
	for (const [z, times] of [...byZoom].sort((a, b) => a[0] - b[0]))
		rows.push(summarise(projects, `mosaico z${z}`, 'gateway', times));
	if (tileCalls.length) rows.push(...(await measureGrid(db, caller, projects, tileCalls)));

	for (const fn of skipAggregates ? [] : ['commune_metrics', 'dashboard_summary']) {
		const gateway: number[] = [];
		const straight: number[] = [];
		// Side by side: every filter through the roll-ups (or pieces) and forced through the rows.
		const paths = { rollup: [] as number[], rows: [] as number[] };
		// Per filter, as the app calls it: which filters make the tail.
		const perFilter = new Map<string, { gateway: number[]; direct: number[] }>();
		for (let round = 0; round < rounds; round++) {
			for (const [label, filter] of Object.entries(AGGREGATE_FILTERS)) {
				const mine = perFilter.get(label) ?? { gateway: [], direct: [] };
				perFilter.set(label, mine);
				const g = await viaGateway(caller, fn, { p_filter: filter }, 'application/json');
				if (g) gateway.push(g.ms);
				if (g) mine.gateway.push(g.ms);
				const d = await direct(db, caller, AGGREGATE_SQL[fn].auto, [filter]);
				if (d) straight.push(d.ms);
				if (d) mine.direct.push(d.ms);
				for (const path of ['rollup', 'rows'] as const) {
					const forced = await direct(db, caller, AGGREGATE_SQL[fn][path], [filter]);
					if (forced) paths[path].push(forced.ms);
				}
			}
		}
		rows.push(summarise(projects, fn, 'gateway', gateway));
		rows.push(summarise(projects, fn, 'direct', straight));
		rows.push(summarise(projects, `${fn}, resúmenes y piezas`, 'direct', paths.rollup));
		rows.push(summarise(projects, `${fn}, filas`, 'direct', paths.rows));
		for (const [label, times] of perFilter) {
			if (times.gateway.length)
				rows.push(summarise(projects, `${fn} · ${label}`, 'gateway', times.gateway));
			if (times.direct.length)
				rows.push(summarise(projects, `${fn} · ${label}`, 'direct', times.direct));
		}
	}
	return rows;
}

/**
 * Side by side in the same run, each pair checked byte for byte: below zoom 10, the cells from the
 * precomputed grid and computed per call from the filtered projects (private.project_cells_tile
 * forced either way) for the filters the grid answers, and the filters it does not answer (per
 * call either way); from zoom 10, the geometries read box first (as served) and filter first (the
 * path before 20261203030100; private.project_geometries_tile forced either way).
 */
async function measureGrid(
	db: pg.Client,
	caller: Caller,
	projects: number,
	tileCalls: { filter: object; tile: { z: number; x: number; y: number } }[]
): Promise<Measurement[]> {
	const times = {
		grid: [] as number[],
		perCall: [] as number[],
		uncovered: [] as number[],
		detail: [] as number[],
		filterFirst: [] as number[]
	};
	const sizes = { grid: [] as number[], uncovered: [] as number[], detail: [] as number[] };
	let differing = 0;
	let differingDetail = 0;
	const geometries = 'select private.project_geometries_tile($1, $2, $3, $4, $5)';
	const cells = 'select private.project_cells_tile($1, $2, $3, $4, $5)';
	for (let round = 0; round < rounds; round++) {
		for (const { filter, tile } of tileCalls) {
			const args = [tile.z, tile.x, tile.y, filter];
			if (tile.z >= 10) {
				const boxFirst = await direct(db, caller, geometries, [...args, true]);
				const filterFirst = await direct(db, caller, geometries, [...args, false]);
				if (boxFirst) {
					times.detail.push(boxFirst.ms);
					sizes.detail.push(boxFirst.bytes);
				}
				if (filterFirst) times.filterFirst.push(filterFirst.ms);
				if (boxFirst && filterFirst && !boxFirst.body?.equals(filterFirst.body ?? Buffer.alloc(0)))
					differingDetail++;
			} else if (await gridCovers(db, filter)) {
				const fromGrid = await direct(db, caller, cells, [...args, true]);
				const perCall = await direct(db, caller, cells, [...args, false]);
				if (fromGrid) {
					times.grid.push(fromGrid.ms);
					sizes.grid.push(fromGrid.bytes);
				}
				if (perCall) times.perCall.push(perCall.ms);
				if (fromGrid && perCall && !fromGrid.body?.equals(perCall.body ?? Buffer.alloc(0)))
					differing++;
			} else {
				const d = await direct(db, caller, cells, [...args, false]);
				if (d) {
					times.uncovered.push(d.ms);
					sizes.uncovered.push(d.bytes);
				}
			}
		}
	}
	if (differing > 0) failures.push(`grilla: ${differing} mosaicos distintos de los calculados por llamada`);
	if (differingDetail > 0)
		failures.push(`z10–14: ${differingDetail} mosaicos distintos entre caja primero y filtro primero`);
	say(
		`z10–14: ${times.detail.length - differingDetail} de ${times.detail.length} mosaicos idénticos caja primero y filtro primero`
	);
	say(
		`Grilla: ${times.grid.length - differing} de ${times.grid.length} mosaicos idénticos a los calculados por llamada`
	);
	return [
		summarise(
			projects,
			'mosaico z5–9, filtros de la grilla: grilla precalculada',
			'direct',
			times.grid,
			sizes.grid
		),
		summarise(projects, 'mosaico z5–9, filtros de la grilla: por llamada', 'direct', times.perCall),
		summarise(
			projects,
			'mosaico z5–9, otros filtros: por llamada',
			'direct',
			times.uncovered,
			sizes.uncovered
		),
		summarise(
			projects,
			'mosaico z10–14 (geometrías): caja primero',
			'direct',
			times.detail,
			sizes.detail
		),
		summarise(
			projects,
			'mosaico z10–14 (geometrías): filtro primero (antes)',
			'direct',
			times.filterFirst
		)
	];
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const response = await fetch(url);
			if (response.status < 500) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`${url} no respondió en ${timeoutMs / 1000} s`);
}

function startApp(port: string): ChildProcess {
	return spawn(process.execPath, [join(repoRoot, 'scripts', 'start.ts')], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, PORT: port, ORIGIN: `http://127.0.0.1:${port}` },
		detached: true
	});
}

/** A cached anonymous tile through the SvelteKit endpoint: from the server's memory, and as a 304. */
async function measureApp(appUrl: string, projects: number): Promise<Measurement[]> {
	const tile = tileOf(10, -70.65, -33.45);
	const url = `${appUrl}/api/tiles/projects/${tile.z}/${tile.x}/${tile.y}`;
	const warm = await fetch(url);
	const etag = warm.headers.get('etag');
	await warm.arrayBuffer();
	if (!warm.ok || !etag) throw new Error(`${url} respondió ${warm.status} sin ETag`);
	const hits: number[] = [];
	const notModified: number[] = [];
	for (let i = 0; i < 50 * rounds; i++) {
		let started = performance.now();
		const hit = await fetch(url);
		await hit.arrayBuffer();
		hits.push(performance.now() - started);
		started = performance.now();
		const revalidated = await fetch(url, { headers: { 'if-none-match': etag } });
		await revalidated.arrayBuffer();
		if (revalidated.status !== 304) throw new Error(`se esperaba 304 y llegó ${revalidated.status}`);
		notModified.push(performance.now() - started);
	}
	return [
		summarise(projects, 'mosaico en caché (memoria del servidor)', 'app', hits),
		summarise(projects, 'mosaico en caché (304, If-None-Match)', 'app', notModified)
	];
}

const env = await startStack();
const db = new pg.Client({ connectionString: env.SUPABASE_DB_URL });
await db.connect();

// Every project with what the naive page's filters read: the baseline's one GeoJSON source.
const NAIVE_GEOJSON_SQL = `
	select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
		'type', 'Feature', 'id', p.id, 'geometry', extensions.st_asgeojson(p.geom, 6)::json,
		'properties', json_build_object('service', p.service_code, 'stage', p.stage, 'status', p.status,
			'investment', p.investment_clp, 'start', extract(year from p.start_on), 'end', extract(year from p.end_on),
			'key', private.search_key(p.name),
			'communes', (select json_agg(pc.commune_code) from public.project_communes pc where pc.project_id = p.id),
			'delayed', public.is_delayed(p.status, p.start_on, p.end_on, l.physical_progress,
				(now() at time zone 'America/Santiago')::date)))), '[]'))::text as geojson
	from public.projects p left join public.project_progress_latest l on l.project_id = p.id`;

/** A step of the browser half that failed: reported, and the run goes on with the next one. */
const failedStep = (projects: number, step: string, failure: unknown) =>
	failures.push(`navegador ${projects} ${step}: ${(failure as Error).message.split('\n')[0]}`);

pageMeasurers.push(async (appUrl, projects) => {
	const browser = await launchChromium();
	const rows: Measurement[] = [];
	// A measure without a single sample (every change failed) gives no row rather than NaN.
	const add = (name: string, path: Measurement['path'], times: number[], sizes?: number[]) => {
		if (times.length) rows.push(summarise(projects, name, path, times, sizes));
	};
	try {
		say('  primera carga de /region/13…');
		try {
			const first = await measureFirstLoad(browser, `${appUrl}/region/13`);
			add('primera carga /region/13: JS gzip sin MapLibre (bytes)', 'browser', [first.jsGzipBytes]);
			add('primera carga /region/13: JS gzip cargado a demanda antes del mapa (bytes)', 'browser', [
				first.lazyJsGzipBytes
			]);
			add('primera carga /region/13: mapa en reposo', 'browser', [first.mapIdleMs]);
		} catch (failure) {
			failedStep(projects, 'primera carga', failure);
		}
		for (const [path, changes] of [
			['/region/13', REGION_CHANGES],
			['/', NATIONAL_CHANGES]
		] as const) {
			say(`  ${changes.length} cambios de filtro en ${path}…`);
			// A failing change is reported and skipped; a page that does not come back keeps the rest.
			try {
				const run = await measureFilterChanges(browser, `${appUrl}${path}`, changes);
				failures.push(...run.failed.map((f) => `navegador ${projects}: ${f}`));
				add(`cambio de filtro en ${path}: todo actualizado`, 'browser', run.samples);
				add(`cambio de filtro en ${path}: tarea más larga`, 'browser', run.longestTasks);
			} catch (failure) {
				failedStep(projects, path, failure);
			}
		}
		say('  línea base ingenua (un GeoJSON con todos los proyectos, setData)…');
		try {
			const geojson = (await db.query<{ geojson: string }>(NAIVE_GEOJSON_SQL)).rows[0].geojson;
			const naive = await measureNaive(browser, appUrl, geojson, REGION_CHANGES);
			failures.push(...naive.failed.map((f) => `navegador ${projects}: ${f}`));
			add(
				'ingenuo: carga inicial (GeoJSON de todos los proyectos)',
				'naive',
				[naive.loadMs],
				[geojson.length]
			);
			add('ingenuo: cambio de filtro (filtrar + setData)', 'naive', naive.samples);
			add('ingenuo: tarea más larga', 'naive', naive.longestTasks);
		} catch (failure) {
			failedStep(projects, 'ingenuo', failure);
		}
		return rows;
	} finally {
		await browser.close();
	}
});

const results: Measurement[] = [];
const appPort = process.env.PORT ?? '3199';

/** One phase of a size's run: a failure is reported and the run goes on (never a lost table). */
async function phase(projects: number, name: string, work: () => Promise<void>): Promise<boolean> {
	try {
		await work();
		return true;
	} catch (failure) {
		failures.push(`${projects} ${name}: ${(failure as Error).message.split('\n')[0]}`);
		say(`  ${name} falló: ${(failure as Error).message.split('\n')[0]}`);
		return false;
	}
}

const ratio = (rows: Measurement[], projects: number, name: string) => {
	const g = rows.find((r) => r.projects === projects && r.name === name && r.path === 'gateway');
	const d = rows.find((r) => r.projects === projects && r.name === name && r.path === 'direct');
	return g && d ? Math.round((g.p95 / d.p95) * 100) / 100 : null;
};

/** The results so far, in bench/results.json: written after each size, so a later failure keeps them. */
function writeResults(done: boolean) {
	const ratios = sizes.flatMap((projects) =>
		['mosaico (z5–14, 6 ciudades, 4 filtros)', 'commune_metrics', 'dashboard_summary'].map((name) => ({
			projects,
			name,
			gatewayOverDirect: ratio(results, projects, name)
		}))
	);
	mkdirSync(join(repoRoot, 'bench'), { recursive: true });
	writeFileSync(
		join(repoRoot, 'bench', 'results.json'),
		JSON.stringify(
			{
				at: new Date().toISOString(),
				complete: done,
				seed: args.seed,
				rounds,
				targets: TARGETS,
				results,
				ratios,
				failures
			},
			null,
			2
		)
	);
	return ratios;
}

try {
	for (const projects of sizes) {
		if (!args['no-load']) {
			const loaded = await phase(projects, 'carga de la muestra', async () => {
				say(`Cargando ${projects} proyectos (semilla ${args.seed})…`);
				const sample = await loadSample(db, { projects, seed: args.seed });
				say(`  ${Math.round(sample.ms / 1000)} s`);
				// A database in use has its visibility map and hint bits set: measure that, not the
				// first reads after a bulk load.
				await db.query(
					'vacuum (analyze) public.projects, public.project_communes, public.project_progress_latest'
				);
			});
			// Figures on another size's data would be mislabelled: this size is skipped.
			if (!loaded) continue;
		}
		if (!args['no-rpc']) {
			await phase(projects, 'RPC', async () => {
				const caller = await adminCaller(env, db);
				try {
					say(`Midiendo RPC (${rounds} vueltas)…`);
					results.push(...(await measureRpcs(db, caller, projects)));
				} finally {
					// Its membership goes with it (on delete cascade).
					await db.query('delete from auth.users where id = $1', [caller.userId]);
				}
			});
		}
		if (!skipApp) {
			const app = startApp(appPort);
			try {
				const appUrl = `http://127.0.0.1:${appPort}`;
				if (await phase(projects, 'arranque de la aplicación', () => waitForHttp(appUrl, 300_000))) {
					try {
						results.push(...(await measureApp(appUrl, projects)));
					} catch (failure) {
						say(`  mosaico en caché omitido: ${(failure as Error).message}`);
						failures.push(`${projects} mosaico en caché: ${(failure as Error).message}`);
					}
					for (const measure of pageMeasurers)
						await phase(projects, 'navegador', async () => {
							results.push(...(await measure(appUrl, projects)));
						});
				}
			} finally {
				if (app.pid) process.kill(-app.pid, 'SIGTERM');
			}
		}
		writeResults(false);
	}
} finally {
	await db.end();
}

const table = results.map((r) => ({
	proyectos: r.projects,
	medida: r.name,
	vía: r.path,
	n: r.samples,
	'p50 ms': r.p50,
	'p95 ms': r.p95,
	'máx ms': r.max,
	'p95 bytes': r.bytesP95 ?? '',
	carga: r.load
}));
console.table(table);
const ratios = writeResults(true);
console.table(ratios);

// The design against the naive page, the same 32 changes of /region/13 side by side.
const find = (projects: number, name: string) =>
	results.find((r) => r.projects === projects && r.name === name);
const versus = sizes.flatMap((projects) =>
	(
		[
			[
				'cambio de filtro (ms)',
				'cambio de filtro en /region/13: todo actualizado',
				'ingenuo: cambio de filtro (filtrar + setData)'
			],
			[
				'tarea más larga (ms)',
				'cambio de filtro en /region/13: tarea más larga',
				'ingenuo: tarea más larga'
			]
		] as const
	).map(([label, app, naive]) => {
		const a = find(projects, app);
		const n = find(projects, naive);
		return {
			proyectos: projects,
			medida: label,
			'tablero p50': a?.p50 ?? '—',
			'tablero p95': a?.p95 ?? '—',
			'ingenuo p50': n?.p50 ?? '—',
			'ingenuo p95': n?.p95 ?? '—'
		};
	})
);
if (!skipApp) console.table(versus);
if (failures.length) say(`${failures.length} mediciones fallaron:\n  ${failures.slice(0, 20).join('\n  ')}`);
say(
	`Metas: mosaico p95 ≤ ${TARGETS.tileP95} ms, agregados p95 ≤ ${TARGETS.aggregateP95} ms, HTTP/directo ≤ ${TARGETS.ratio}×; ` +
		'cambio de filtro p95 ≤ 200 ms (100k ≤ 2× 10k), tarea más larga ≤ 50 ms, JS inicial ≤ 90 kB, primer reposo del mapa ≤ 3 s'
);
say('Escrito bench/results.json');
