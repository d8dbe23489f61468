// npm run bench:load -- [--users 100] [--duration 60] [--think-ms 1000] [--faults] [--out FILE]
//
// Simulated users against `npm start` (started here, on PORT, default 3000) and the Supabase API as
// each role uses it: anonymous visitors browse the map pages and read lists; planners, signed in,
// browse pages and filter projects by comuna; GORE users acknowledge deliveries; secretariats
// publish. Prints p50/p95/p99 and errors per action. With --faults, PostgREST is killed, Postgres
// restarted and the app killed during the run; the report says what users got meanwhile, how long
// recovery took, and whether every write a user was told succeeded is in the database.
// Only for the local stack: all traffic goes to 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { addUser } from './lib/auth/user-add.ts';
import { killApp, killPostgrest, restartPostgres } from './lib/bench/faults.ts';
import { markdownTable, summarise, type Sample } from './lib/bench/stats.ts';
import { repoRoot } from './lib/stack/config.ts';
import { requireScriptDatabase } from './lib/stack/connection.ts';
import { supabaseEnv } from './lib/supabase-env.ts';

const { values } = parseArgs({
	options: {
		users: { type: 'string', default: '100' },
		duration: { type: 'string', default: '60' },
		'think-ms': { type: 'string', default: '1000' },
		'min-projects': { type: 'string', default: '100000' },
		faults: { type: 'boolean', default: false },
		out: { type: 'string' }
	}
});
const USERS = Number(values.users);
const DURATION_MS = Number(values.duration) * 1000;
const THINK_MS = Number(values['think-ms']);
const REQUEST_TIMEOUT_MS = 15_000;
const say = (line: string) => process.stdout.write(line + '\n');

// ── the system under test ─────────────────────────────────────────────────────────────────────
const { env, local } = await supabaseEnv();
const apiUrl = env.PUBLIC_SUPABASE_URL!;
const anonKey = env.PUBLIC_SUPABASE_ANON_KEY!;
const serviceKey = env.SUPABASE_SERVICE_ROLE_KEY!;
const port = process.env.PORT ?? '3000';
const appUrl = `http://127.0.0.1:${port}`;
if (!local || new URL(apiUrl).hostname !== '127.0.0.1') {
	throw new Error('bench:load only runs against the local stack (all traffic to 127.0.0.1).');
}

const db = new pg.Pool({ connectionString: requireScriptDatabase(), max: 2 });
db.on('error', () => {}); // the Postgres restart fault cuts these too; queries reconnect
const projectCount = Number((await db.query('select count(*) from public.projects')).rows[0].count);
if (projectCount < Number(values['min-projects'])) {
	throw new Error(
		`The database has ${projectCount} projects; load them first: npm run data:sample -- --projects 100000`
	);
}

const cacheDir = join(repoRoot, 'node_modules', '.cache', 'bench-load');
mkdirSync(cacheDir, { recursive: true });
const appLog = join(cacheDir, 'app.log');
say(`App: ${appUrl} (npm start, log ${appLog}); API: ${apiUrl}; ${projectCount} projects`);
const appLogStream = createWriteStream(appLog);
const app: ChildProcess = spawn(process.execPath, [join(repoRoot, 'scripts', 'start.ts')], {
	cwd: repoRoot,
	env: { ...process.env, PORT: port, HOST: '127.0.0.1', ORIGIN: appUrl },
	stdio: ['ignore', 'pipe', 'pipe']
});
app.stdout!.pipe(appLogStream);
app.stderr!.pipe(appLogStream);

async function waitForHealth(timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(`${appUrl}/health`, { signal: AbortSignal.timeout(3000) })).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`The app did not become healthy at ${appUrl}; see ${appLog}`);
}

// ── accounts ──────────────────────────────────────────────────────────────────────────────────
interface Account {
	id: string;
	email: string;
	role: 'planner' | 'gore' | 'secretariat';
	region: string | null;
	institution: number | null;
	token: string;
}
const password = randomBytes(18).toString('base64url');
const admin = createClient(apiUrl, serviceKey, { auth: { persistSession: false, autoRefreshToken: false } });

// Sample users have no password (nobody signs in as them); they get one for the run and lose it after.
const sampleRows = (
	await db.query<{
		id: string;
		email: string;
		role: 'gore' | 'secretariat';
		region: string;
		institution: number | null;
		hash: string | null;
		confirmed: Date | null;
	}>(
		`select u.id, u.email, m.role, m.region_code as region, m.institution_id as institution, u.encrypted_password as hash, u.email_confirmed_at as confirmed
		   from public.memberships m join auth.users u on u.id = m.user_id
		  where u.email like '%@ejemplo.gob.cl' and m.role in ('gore', 'secretariat')`
	)
).rows;
if (sampleRows.length === 0) throw new Error('No sample users: run npm run data:sample first.');
try {
	const plannerEmail = 'planificacion.carga@ejemplo.cl';
	const existingPlanner = (
		await db.query<{ id: string }>('select id from auth.users where email = $1', [plannerEmail])
	).rows[0];
	const plannerId = existingPlanner
		? existingPlanner.id
		: (await addUser(admin, { email: plannerEmail, password, role: 'planner' })).id;

	async function signIn(email: string): Promise<string> {
		const client = createClient(apiUrl, anonKey, {
			auth: { persistSession: false, autoRefreshToken: false }
		});
		const { data, error } = await client.auth.signInWithPassword({ email, password });
		if (error || !data.session) throw new Error(`Sign-in of ${email} failed: ${error?.message}`);
		return data.session.access_token;
	}

	const accounts: Account[] = [];
	for (const row of [
		...sampleRows,
		{
			id: plannerId,
			email: plannerEmail,
			role: 'planner' as const,
			region: null,
			institution: null,
			hash: null,
			confirmed: null
		}
	]) {
		const updated = await admin.auth.admin.updateUserById(row.id, { password, email_confirm: true });
		if (updated.error)
			throw new Error(`Could not set a password for ${row.email}: ${updated.error.message}`);
		accounts.push({
			id: row.id,
			email: row.email,
			role: row.role,
			region: row.region,
			institution: row.institution,
			token: await signIn(row.email)
		});
	}

	// Fresh deliveries for the GORE users to acknowledge (each can be acknowledged once, so earlier
	// runs use them up): per GORE account, 60 published deliveries of a flow addressed to its
	// institution, for periods (due_on) after any used before. Marked by their title.
	await db.query(
		`with target as (
		   select distinct on (m.user_id) f.id as flow_id, f.region_code
		     from public.memberships m
		     join public.information_flow_recipients r on r.institution_id = m.institution_id
		     join public.information_flows f on f.id = r.flow_id
		    where m.role = 'gore'
		    order by m.user_id, f.id),
		 base as (
		   select coalesce(max(due_on), date '2100-01-01') as day from public.publications where due_on >= date '2100-01-01')
		 insert into public.publications (region_code, title, kind, status, published_at, flow_id, due_on)
		 select distinct on (t.flow_id, n) t.region_code, 'Entrega de prueba de carga', 'report', 'published', now(), t.flow_id, base.day + n
		   from target t, base, generate_series(1, 60) n`
	);

	// Deliveries each GORE account may acknowledge (public, addressed to its institution, not yet acknowledged).
	const candidates = new Map<string, number[]>();
	for (const row of (
		await db.query<{ user_id: string; publication_id: string }>(
			`select m.user_id, p.id as publication_id
			   from public.memberships m
			   join public.information_flow_recipients r on r.institution_id = m.institution_id
			   join public.publications p on p.flow_id = r.flow_id and p.status = 'published' and p.published_at <= now()
			  where m.role = 'gore' and not exists (
			        select 1 from public.acknowledgements a where a.publication_id = p.id and a.institution_id = m.institution_id)
			  order by random()`
		)
	).rows) {
		const list = candidates.get(row.user_id) ?? [];
		list.push(Number(row.publication_id));
		candidates.set(row.user_id, list);
	}
	const regions = (await db.query<{ code: string }>('select code from public.regions')).rows.map(
		(r) => r.code
	);
	const communes = (await db.query<{ code: string }>('select code from public.communes')).rows.map(
		(r) => r.code
	);
	const maxProjectId = Number((await db.query('select max(id) from public.projects')).rows[0].max);
	// Whether anonymous visitors may read projects is the access matrix's decision (docs/SECURITY.md);
	// the benchmark measures what they get, and counts as an error only what differs from it.
	const anonProjectsProbe = await fetch(`${apiUrl}/rest/v1/projects?select=id&limit=1`, {
		headers: { apikey: anonKey, authorization: `Bearer ${anonKey}` }
	});
	await anonProjectsProbe.body?.cancel();
	const anonProjectsStatus = anonProjectsProbe.status;
	const anonProjectsAction =
		anonProjectsStatus === 200
			? 'api anon projects list'
			: `api anon projects list (refused: ${anonProjectsStatus})`;

	await waitForHealth(240_000);
	say(
		`App healthy. ${USERS} users for ${DURATION_MS / 1000} s (think time ${THINK_MS} ms ± 50%)${values.faults ? ', with faults' : ''}.`
	);

	// ── the simulated users ──────────────────────────────────────────────────────────────────────
	const samples: Sample[] = [];
	const written = { publications: [] as number[], acknowledgements: [] as number[] };
	const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)];
	const started = performance.now();
	const elapsed = () => performance.now() - started;
	const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

	function describeFailure(error: unknown): string {
		const cause = (error as { cause?: { code?: string } })?.cause?.code;
		if ((error as Error)?.name === 'TimeoutError')
			return `no answer in ${REQUEST_TIMEOUT_MS / 1000} s (hang)`;
		if (cause === 'ECONNREFUSED') return 'connection refused';
		if (cause === 'ECONNRESET' || cause === 'UND_ERR_SOCKET') return 'connection reset';
		return cause ?? (error as Error)?.name ?? 'network error';
	}

	/** One request, timed; `judge` decides from the response whether the user got what they wanted. */
	async function measure(
		action: string,
		url: string,
		init: RequestInit,
		judge: (response: Response, body: string) => string | null
	): Promise<string | null> {
		const at = elapsed();
		const t0 = performance.now();
		let status = 0;
		let problem: string | null;
		let body = '';
		try {
			const response = await fetch(url, {
				...init,
				redirect: 'manual',
				signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
			});
			status = response.status;
			body = await response.text();
			problem = judge(response, body);
		} catch (error) {
			problem = describeFailure(error);
		}
		samples.push({
			action,
			at,
			ms: performance.now() - t0,
			ok: problem === null,
			status,
			...(problem ? { problem } : {})
		});
		return problem === null ? body : null;
	}

	const pageJudge = (response: Response, body: string) => {
		if (response.status === 200 && body.includes('</html>')) return null;
		if (response.status === 503 && body.includes('Servicio no disponible')) return '503 page in Spanish';
		if (response.status >= 500)
			return body.includes('</html>')
				? `${response.status} error page`
				: `${response.status} without a page`;
		return `HTTP ${response.status}`;
	};
	const apiJudge = (expected: number[]) => (response: Response) =>
		expected.includes(response.status) ? null : `API ${response.status}`;

	const page = (action: string, path: string, cookie?: string) =>
		measure(
			action,
			`${appUrl}${path}`,
			{ headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } },
			pageJudge
		);
	const api = (action: string, path: string, token: string, init: RequestInit = {}, expected = [200]) =>
		measure(
			action,
			`${apiUrl}/rest/v1/${path}`,
			{
				...init,
				headers: {
					apikey: anonKey,
					authorization: `Bearer ${token}`,
					...(init.headers as Record<string, string>)
				}
			},
			apiJudge(expected)
		);

	/** The session cookies a browser gets from the sign-in form. */
	async function pageSession(email: string): Promise<string> {
		const response = await fetch(`${appUrl}/login?redirectTo=%2F`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: appUrl,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ email, password })
		});
		await response.body?.cancel();
		const cookies = response.headers.getSetCookie().map((line) => line.split(';')[0]);
		if (response.status !== 303 || cookies.length === 0)
			throw new Error(`Page sign-in of ${email} failed (${response.status})`);
		return cookies.join('; ');
	}

	type Behaviour = () => Promise<unknown>;
	const weighted = (choices: [number, Behaviour][]): Behaviour => {
		const total = choices.reduce((sum, [weight]) => sum + weight, 0);
		return () => {
			let roll = Math.random() * total;
			for (const [weight, behaviour] of choices) if ((roll -= weight) < 0) return behaviour();
			return choices[choices.length - 1][1]();
		};
	};

	const anonymous = weighted([
		[20, () => page('page /', '/')],
		[25, () => page('page /region/[code]', `/region/${pick(regions)}`)],
		[25, () => page('page /comuna/[code]', `/comuna/${pick(communes)}`)],
		[5, () => page('page /login', '/login')],
		[
			15,
			() =>
				api(
					anonProjectsAction,
					`projects?select=id,name,stage,status&order=id&limit=50&id=gt.${Math.floor(Math.random() * maxProjectId)}`,
					anonKey,
					{},
					[anonProjectsStatus]
				)
		],
		[
			10,
			() =>
				api(
					'api anon publications list',
					'publications?select=id,title,kind,published_at,region_code&order=published_at.desc&limit=50',
					anonKey
				)
		]
	]);
	const planner = (account: Account, cookie: string) =>
		weighted([
			[30, () => page('page /region/[code] signed in', `/region/${pick(regions)}`, cookie)],
			[20, () => page('page /comuna/[code] signed in', `/comuna/${pick(communes)}`, cookie)],
			[10, () => page('page /compromisos signed in', `/compromisos?region=${pick(regions)}`, cookie)],
			[10, () => page('page /convenios signed in', '/convenios', cookie)],
			[
				50,
				() =>
					api(
						'api planner projects by comuna',
						`projects?select=id,name,stage,status,investment_clp,project_communes!inner(commune_code)&project_communes.commune_code=eq.${pick(communes)}&order=id&limit=50`,
						account.token
					)
			]
		]);
	const gore = (account: Account) => {
		const queue = candidates.get(account.id) ?? [];
		return weighted([
			[
				50,
				async () => {
					const publication = queue.shift();
					if (publication === undefined)
						return api(
							'api gore deliveries list',
							'flow_deliveries?select=publication_id,title,delivered,due_on&limit=50',
							account.token
						);
					const body = await api(
						'api gore acknowledge delivery',
						'acknowledgements?select=id',
						account.token,
						{
							method: 'POST',
							headers: { 'content-type': 'application/json', prefer: 'return=representation' },
							body: JSON.stringify({
								publication_id: publication,
								institution_id: account.institution
							})
						},
						[201]
					);
					if (body) written.acknowledgements.push(Number(JSON.parse(body)[0].id));
				}
			],
			[
				50,
				() =>
					api(
						'api gore deliveries list',
						'flow_deliveries?select=publication_id,title,delivered,due_on&limit=50',
						account.token
					)
			]
		]);
	};
	let publicationNumber = 0;
	const secretariat = (account: Account) =>
		weighted([
			[
				50,
				async () => {
					publicationNumber += 1;
					const body = await api(
						'api secretariat publish',
						'publications?select=id',
						account.token,
						{
							method: 'POST',
							headers: { 'content-type': 'application/json', prefer: 'return=representation' },
							body: JSON.stringify({
								region_code: account.region,
								title: `Boletín de prueba de carga ${publicationNumber}`,
								kind: 'bulletin',
								status: 'published',
								published_at: new Date().toISOString()
							})
						},
						[201]
					);
					if (body) written.publications.push(Number(JSON.parse(body)[0].id));
				}
			],
			[
				50,
				() =>
					api(
						'api secretariat region publications',
						`publications?select=id,title,status&region_code=eq.${account.region}&order=id.desc&limit=50`,
						account.token
					)
			]
		]);

	const byRole = (role: Account['role']) => accounts.filter((a) => a.role === role);
	const mix = { anon: 0.4, planner: 0.25, gore: 0.2, secretariat: 0.15 };
	const counts = {
		planner: Math.round(USERS * mix.planner),
		gore: Math.round(USERS * mix.gore),
		secretariat: Math.round(USERS * mix.secretariat)
	};
	const anonCount = USERS - counts.planner - counts.gore - counts.secretariat;
	const plannerAccount = byRole('planner')[0];
	const behaviours: Behaviour[] = [
		...Array.from({ length: anonCount }, () => anonymous),
		...(await Promise.all(
			Array.from({ length: counts.planner }, async () =>
				planner(plannerAccount, await pageSession(plannerAccount.email))
			)
		)),
		...Array.from({ length: counts.gore }, (_, i) => gore(byRole('gore')[i % byRole('gore').length])),
		...Array.from({ length: counts.secretariat }, (_, i) =>
			secretariat(byRole('secretariat')[i % byRole('secretariat').length])
		)
	];

	// ── faults ───────────────────────────────────────────────────────────────────────────────────
	interface FaultRecord {
		name: string;
		at: number;
		recoveredAfterMs: number | null;
		detail: string;
	}
	const faults: FaultRecord[] = [];
	const health: { at: number; ok: boolean }[] = [];
	let running = true;
	const watchHealth = async () => {
		while (running) {
			let ok: boolean;
			try {
				ok = (await fetch(`${appUrl}/health`, { signal: AbortSignal.timeout(3000) })).ok;
			} catch {
				ok = false;
			}
			health.push({ at: elapsed(), ok });
			await sleep(250);
		}
	};
	const injectFaults = async () => {
		const plan: [number, string, () => Promise<string>][] = [
			[0.25, 'kill PostgREST (SIGKILL)', () => Promise.resolve(`pid ${killPostgrest()}`)],
			[
				0.5,
				'restart Postgres (pg_ctl restart -m fast)',
				async () => `pg_ctl exit ${await restartPostgres()}`
			],
			[0.75, 'kill the app (SIGKILL)', () => Promise.resolve(`pid ${killApp(app.pid!)}`)]
		];
		for (const [fraction, name, inject] of plan) {
			await sleep(Math.max(0, fraction * DURATION_MS - elapsed()));
			const at = elapsed();
			say(`  ${(at / 1000).toFixed(1)} s: ${name}`);
			faults.push({ name, at, recoveredAfterMs: null, detail: await inject() });
		}
	};

	const vu = async (behaviour: Behaviour, index: number) => {
		await sleep((index / behaviours.length) * 2000); // ramp up over 2 s
		while (elapsed() < DURATION_MS) {
			await behaviour();
			await sleep(THINK_MS * (0.5 + Math.random()));
		}
	};
	const watcher = values.faults ? watchHealth() : Promise.resolve();
	const injector = values.faults ? injectFaults() : Promise.resolve();
	await Promise.all([...behaviours.map((b, i) => vu(b, i)), injector]);
	running = false;
	await watcher;
	const wall = elapsed();

	// ── report ───────────────────────────────────────────────────────────────────────────────────
	const rows = summarise(samples);
	// The machine is shared: its load says how much of the latency is queueing for a CPU.
	say(`\nLoad average (1 min) at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs`);
	say(
		`\n${samples.length} requests in ${(wall / 1000).toFixed(1)} s (${(samples.length / (wall / 1000)).toFixed(0)} req/s)\n`
	);
	say(markdownTable(rows));
	const problems = new Map<string, number>();
	for (const s of samples) if (s.problem) problems.set(s.problem, (problems.get(s.problem) ?? 0) + 1);
	say(
		`\nErrors: ${samples.filter((s) => !s.ok).length}${problems.size ? ' — ' + [...problems].map(([p, n]) => `${p}: ${n}`).join(', ') : ''}`
	);

	for (const fault of faults) {
		const firstBad = health.find((h) => h.at >= fault.at && !h.ok);
		const recovered = firstBad
			? health.find((h) => h.at > firstBad.at && h.ok)
			: health.find((h) => h.at >= fault.at && h.ok);
		fault.recoveredAfterMs = recovered ? recovered.at - fault.at : null;
	}
	await waitForHealth(60_000).catch(() => {});
	const found = {
		publications: Number(
			(
				await db.query('select count(*) from public.publications where id = any($1)', [
					written.publications
				])
			).rows[0].count
		),
		acknowledgements: Number(
			(
				await db.query('select count(*) from public.acknowledgements where id = any($1)', [
					written.acknowledgements
				])
			).rows[0].count
		)
	};
	const lost =
		written.publications.length -
		found.publications +
		written.acknowledgements.length -
		found.acknowledgements;
	say(
		`\nAcknowledged writes: ${written.publications.length} publications, ${written.acknowledgements.length} acknowledgements; in the database: ${found.publications} + ${found.acknowledgements}; lost: ${lost}`
	);
	if (values.faults) {
		say(
			'\n| fault | at s | health back after s | failed requests in the next 10 s | slowest failed request ms |'
		);
		say('|---|---:|---:|---:|---:|');
		for (const fault of faults) {
			const window = samples.filter((s) => s.at >= fault.at && s.at < fault.at + 10_000);
			const failed = window.filter((s) => !s.ok);
			say(
				`| ${fault.name} | ${(fault.at / 1000).toFixed(1)} | ${fault.recoveredAfterMs === null ? 'not recovered' : (fault.recoveredAfterMs / 1000).toFixed(1)} | ${failed.length} of ${window.length} | ${failed.length ? Math.max(...failed.map((s) => s.ms)).toFixed(0) : '—'} |`
			);
		}
		const hangs = samples.filter((s) => s.problem?.includes('hang')).length;
		say(`Requests without an answer in ${REQUEST_TIMEOUT_MS / 1000} s: ${hangs}`);
	}
	const out = values.out ?? join(cacheDir, `result-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	writeFileSync(
		out,
		JSON.stringify(
			{
				options: { USERS, DURATION_MS, THINK_MS, faults: values.faults, projectCount },
				loadAverage: loadavg(),
				rows,
				problems: Object.fromEntries(problems),
				faults,
				written: {
					publications: written.publications.length,
					acknowledgements: written.acknowledgements.length
				},
				found,
				lost
			},
			null,
			'\t'
		)
	);
	say(`\nResult: ${out}`);
	process.exitCode = lost > 0 || (!values.faults && samples.some((s) => !s.ok)) ? 1 : 0;
} finally {
	// Sample users go back to having no password.
	for (const row of sampleRows) {
		await db
			.query('update auth.users set encrypted_password = $2 where id = $1', [row.id, row.hash])
			.catch(() => {});
	}
	app.kill('SIGTERM');
	await db.end();
}
