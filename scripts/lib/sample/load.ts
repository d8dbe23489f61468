import type { ClientBase } from 'pg';
import {
	DEFAULT_PROJECTS,
	DEFAULT_SEED,
	generateSample,
	type SampleData,
	type SampleOptions
} from './generate.ts';
import { seedInt } from './random.ts';
import { readSampleTerritory, type SampleTerritory } from './territory.ts';
import { SAMPLE_EMAIL_DOMAIN } from './users.ts';

/**
 * Loads the sample into Postgres in one transaction, replacing the previous one: either all of it
 * is there afterwards, or nothing changed.
 *
 * What it replaces: every row of the domain tables (projects, agreements, commitments, flows,
 * publications, PMG evaluations and their link tables), which on a database that loads the
 * sample hold nothing else; and the sample's own users. What it never touches: the territory, the
 * reference tables (themes, services, PMG requirements), real users and their memberships, and
 * the audit trail, which keeps a record of every load. Institutions are real bodies: the missing
 * ones are added, none is removed.
 *
 * Projects go in batches of a few thousand rows, one statement each, so that the schema's
 * statement-level triggers (comuna placement, audit) work set-wise. Their geometry is made in the
 * database: ST_GeneratePoints, seeded, draws the anchor points inside each comuna.
 *
 * Connect as the database owner (the local stack's superuser, or `postgres` on a hosted project):
 * the loader writes auth.users and history tables that no API role may write.
 */
export interface SampleProgressEvent {
	phase: string;
	/** 'start' once, 'advance' for long phases, 'end' with the phase's duration. */
	type: 'start' | 'advance' | 'end';
	done?: number;
	total?: number;
	ms?: number;
	detail?: string;
}

export interface LoadSampleOptions extends SampleOptions {
	onProgress?: (event: SampleProgressEvent) => void;
	/** Projects per INSERT statement. */
	batchSize?: number;
	/** One INSERT per project, as a naive loader would do: the benchmark's baseline. */
	projectsRowByRow?: boolean;
	/** Read from the database (and the built topology for the coast) unless given. */
	territory?: SampleTerritory;
	/**
	 * Refuse to commit when a project got no comuna (default). Only a benchmark that disables the
	 * placement trigger, to measure what it costs, turns this off.
	 */
	checkPlacement?: boolean;
}

export interface LoadSampleResult {
	counts: Record<string, number>;
	phases: { phase: string; ms: number; detail?: string }[];
	ms: number;
	coastSource: 'topology' | 'none' | 'given';
}

export const DEFAULT_BATCH_SIZE = 5000;

/** Tables the sample owns: emptied on every load. Listed children first; no CASCADE, so a new
 * table that references one of these makes the load fail loudly instead of being emptied silently. */
export const SAMPLE_TABLES = [
	'email_outbox',
	'follows',
	'acknowledgements',
	'publication_commitments',
	'publication_projects',
	'publication_communes',
	'publication_versions',
	'publications',
	'information_flow_recipients',
	'information_flows',
	'commitment_progress',
	'commitment_projects',
	'commitment_communes',
	'commitments',
	'agreement_parties',
	'agreements',
	'project_progress_latest',
	'project_progress',
	'project_themes',
	'project_communes',
	'projects',
	'pmg_evaluations'
];
const SAMPLE_TABLES_QUALIFIED = SAMPLE_TABLES.map((t) => `public.${t}`);

/** Tables whose ids the sample sets, and whose identity must continue after them. */
const IDENTITY_TABLES = [
	'projects',
	'agreements',
	'commitments',
	'commitment_progress',
	'information_flows',
	'publications',
	'acknowledgements',
	'pmg_evaluations'
];

const recordset = (columns: string) => `json_to_recordset($1::json) as r(${columns})`;

async function insertJson(
	client: ClientBase,
	sql: string,
	rows: readonly unknown[],
	batchSize: number,
	onBatch?: (done: number) => void
): Promise<void> {
	for (let start = 0; start < rows.length; start += batchSize) {
		await client.query(sql, [JSON.stringify(rows.slice(start, start + batchSize))]);
		onBatch?.(Math.min(start + batchSize, rows.length));
	}
}

export async function loadSample(client: ClientBase, options: LoadSampleOptions): Promise<LoadSampleResult> {
	const started = performance.now();
	const phases: LoadSampleResult['phases'] = [];
	const emit = options.onProgress ?? (() => {});
	const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
	async function phase<T>(
		name: string,
		run: (advance: (done: number, total: number) => void) => Promise<T>,
		detail?: (result: T) => string
	): Promise<T> {
		emit({ phase: name, type: 'start' });
		const t0 = performance.now();
		const result = await run((done, total) => emit({ phase: name, type: 'advance', done, total }));
		const ms = Math.round(performance.now() - t0);
		const text = detail?.(result);
		phases.push({ phase: name, ms, detail: text });
		emit({ phase: name, type: 'end', ms, detail: text });
		return result;
	}

	let coastSource: LoadSampleResult['coastSource'] = 'given';
	const territory =
		options.territory ??
		(await phase(
			'Territorio',
			async () => {
				const read = await readSampleTerritory(client);
				coastSource = read.coastSource;
				return read.territory;
			},
			(t) => `${t.communes.filter((c) => c.coast.length).length} comunas costeras`
		));
	if (!territory.communes.some((c) => c.areaKm2)) {
		throw new Error(
			'El territorio no está cargado (no hay comunas con polígono): ejecute `npm run data` primero.'
		);
	}

	const sample = await phase(
		'Generación',
		() => Promise.resolve(generateSample(territory, options)),
		(s) => `${s.projects.length} proyectos, semilla ${options.seed}`
	);

	await client.query('begin');
	try {
		// The load runs as long as it must, and the set-wise plans gain nothing from JIT compilation.
		await client.query('set local statement_timeout = 0; set local jit = off');
		await phase('Vaciar la muestra anterior', () => clearPreviousSample(client));
		const ids = await phase(
			'Instituciones y usuarios',
			() => ensureInstitutionsAndUsers(client, sample),
			(m) => `${m.institutions.size} instituciones`
		);
		await phase(
			'Geometrías (puntos en cada comuna)',
			() => placeGeometries(client, sample, options.seed),
			(n) => `${n} geometrías`
		);
		await phase(
			'Proyectos (comunas asignadas por la base)',
			(advance) => insertProjects(client, sample, options.projectsRowByRow ? 1 : batchSize, advance),
			() => `${sample.projects.length} proyectos`
		);
		await phase('Temas de los proyectos', () =>
			insertJson(
				client,
				`insert into public.project_themes (project_id, theme_code) select project_id, theme_code from ${recordset('project_id bigint, theme_code text')}`,
				sample.projects.flatMap((p) =>
					p.themes.map((theme_code) => ({ project_id: p.id, theme_code }))
				),
				50_000
			)
		);
		await phase(
			'Avance físico y gasto ejecutado',
			() =>
				insertJson(
					client,
					`insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp) select project_id, reported_on, physical_progress, spent_clp from ${recordset('project_id bigint, reported_on date, physical_progress numeric, spent_clp bigint')}`,
					sample.projectProgress,
					100_000
				),
			() => `${sample.projectProgress.length} reportes`
		);
		await phase(
			'Acuerdos y compromisos',
			() => insertAgreements(client, sample, ids),
			() => `${sample.agreements.length} acuerdos, ${sample.commitments.length} compromisos`
		);
		await phase(
			'Flujos, publicaciones y acuses de recibo',
			() => insertFlows(client, sample, ids),
			() =>
				`${sample.flows.length} flujos, ${sample.publications.length} publicaciones, ${sample.acknowledgements.length} acuses`
		);
		await phase(
			'Evaluaciones PMG',
			() => insertPmg(client, sample, ids),
			() => `${sample.pmg.length} evaluaciones`
		);
		await phase('Secuencias y estadísticas', async () => {
			// Rows created after the sample must not reuse an id the audit trail already speaks of
			// (a previous sample's, or a since-deleted row's): its history would read as theirs.
			for (const table of IDENTITY_TABLES) {
				await client.query(
					`select setval(pg_get_serial_sequence('public.${table}', 'id'), greatest(
					   (select coalesce(max(id), 0) from public.${table}),
					   (select coalesce(max(record_id::bigint), 0) from public.audit_log where table_name = $1)
					 ) + 1, false)`,
					[table]
				);
			}
			await client.query(`analyze ${SAMPLE_TABLES_QUALIFIED.join(', ')}`);
		});
		const counted = await client.query<{ project_communes: number; unplaced: number }>(
			`select (select count(*) from public.project_communes)::int as project_communes,
			        (select count(*) from public.projects p where not exists (
			          select 1 from public.project_communes pc where pc.project_id = p.id))::int as unplaced`
		);
		if (options.checkPlacement !== false && counted.rows[0].unplaced > 0)
			throw new Error(`${counted.rows[0].unplaced} proyectos quedaron sin comuna asignada`);
		await phase('Confirmar (commit)', () => client.query('commit'));
		return {
			counts: {
				projects: sample.projects.length,
				project_communes: counted.rows[0].project_communes,
				agreements: sample.agreements.length,
				commitments: sample.commitments.length,
				commitment_progress: sample.progress.length,
				project_progress: sample.projectProgress.length,
				information_flows: sample.flows.length,
				publications: sample.publications.length,
				acknowledgements: sample.acknowledgements.length,
				pmg_evaluations: sample.pmg.length,
				institutions: ids.institutions.size,
				users: ids.users.size
			},
			phases,
			ms: Math.round(performance.now() - started),
			coastSource
		};
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	}
}

/**
 * Loads the default sample (DEFAULT_PROJECTS projects, seed DEFAULT_SEED) when the territory is
 * there and the domain is empty — on a fresh stack — and never over data someone entered.
 */
export async function loadSampleIfEmpty(
	client: ClientBase,
	say: (line: string) => void = () => {}
): Promise<boolean> {
	const { rows } = await client.query<{ territory: boolean; domain: boolean }>(
		`select exists (select 1 from public.communes where geom is not null) as territory,
		        exists (select 1 from public.projects) or exists (select 1 from public.agreements)
		        or exists (select 1 from public.information_flows) or exists (select 1 from public.publications)
		        or exists (select 1 from public.pmg_evaluations) as domain`
	);
	if (!rows[0].territory || rows[0].domain) return false;
	say(`cargando los datos de ejemplo (${DEFAULT_PROJECTS} proyectos, semilla ${DEFAULT_SEED})`);
	const result = await loadSample(client, { projects: DEFAULT_PROJECTS, seed: DEFAULT_SEED });
	say(`datos de ejemplo cargados en ${(result.ms / 1000).toFixed(1)} s`);
	return true;
}

async function clearPreviousSample(client: ClientBase): Promise<void> {
	await client.query(`truncate table ${SAMPLE_TABLES_QUALIFIED.join(', ')} restart identity`);
	// Memberships of these users go with them (on delete cascade); real users are not marked so.
	await client.query(
		`delete from auth.users where email like $1 and raw_app_meta_data ->> 'sample' = 'true'`,
		[`%@${SAMPLE_EMAIL_DOMAIN}`]
	);
}

interface IdMaps {
	institutions: Map<string, number>;
	/** Sample user key → auth.users id, for the users that could be created. */
	users: Map<string, string>;
}

async function ensureInstitutionsAndUsers(client: ClientBase, sample: SampleData): Promise<IdMaps> {
	// `on conflict do nothing` with no target also skips a second Gobierno Regional or Secretariat
	// for a region that already has one under another name: the existing one is used below.
	await client.query(
		`insert into public.institutions (name, acronym, kind, level, region_code, province_code, commune_code)
		 select name, acronym, kind::public.institution_kind, level::public.institution_level, region_code, province_code, commune_code
		 from ${recordset('name text, acronym text, kind text, level text, region_code text, province_code text, commune_code text')}
		 on conflict do nothing`,
		[JSON.stringify(sample.institutions)]
	);
	const existing = await client.query<{
		id: string;
		name: string;
		kind: string;
		region_code: string | null;
	}>('select id, name, kind::text, region_code from public.institutions order by id');
	const byName = new Map(existing.rows.map((row) => [row.name, Number(row.id)]));
	const byRegion = new Map<string, number>();
	for (const row of existing.rows) {
		const key = `${row.kind}/${row.region_code}`;
		if (!byRegion.has(key)) byRegion.set(key, Number(row.id));
	}
	const institutions = new Map<string, number>();
	for (const institution of sample.institutions) {
		const id =
			byName.get(institution.name) ??
			(institution.kind === 'regional_government' || institution.kind === 'council_secretariat'
				? byRegion.get(`${institution.kind}/${institution.region_code}`)
				: undefined);
		if (id === undefined)
			throw new Error(`No se encontró ni se pudo crear la institución «${institution.name}»`);
		institutions.set(institution.key, id);
	}

	const anchorTime = `${sample.anchor}T12:00:00Z`;
	await client.query(
		`insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
		 select '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated', email,
		        jsonb_build_object('provider', 'email', 'providers', jsonb_build_array('email'), 'sample', true),
		        jsonb_build_object('full_name', full_name), $2::timestamptz, $2::timestamptz
		 from ${recordset('id uuid, email text, full_name text')}
		 on conflict do nothing`,
		[JSON.stringify(sample.users), anchorTime]
	);
	const created = await client.query<{ id: string }>(
		`select id from auth.users where id = any($1::uuid[]) and raw_app_meta_data ->> 'sample' = 'true'`,
		[sample.users.map((u) => u.id)]
	);
	const usable = new Set(created.rows.map((row) => row.id));
	const users = new Map(sample.users.filter((u) => usable.has(u.id)).map((u) => [u.key, u.id]));
	await client.query(
		`insert into public.memberships (user_id, role, region_code, institution_id, created_at)
		 select user_id, role::public.app_role, region_code, institution_id, $2::timestamptz from ${recordset('user_id uuid, role text, region_code text, institution_id bigint')}`,
		[
			JSON.stringify(
				sample.users
					.filter((u) => usable.has(u.id))
					.map((u) => ({
						user_id: u.id,
						role: u.role,
						region_code: u.region_code,
						institution_id: institutions.get(
							u.role === 'gore' ? `gore:${u.region_code}` : `st:${u.region_code}`
						)
					}))
			),
			anchorTime
		]
	);
	return { institutions, users };
}

/**
 * Every project's geometry, in two set-wise statements: random anchor points inside each comuna
 * (ST_GeneratePoints with a seed per comuna, so the same seed draws the same points), then each
 * shape placed on its anchor. A line that leaves its region is shrunk around its anchor (see
 * ProjectShape). The region test runs in region order so that PostGIS reuses each region's
 * prepared geometry.
 */
async function placeGeometries(
	client: ClientBase,
	sample: SampleData,
	seed: string | number
): Promise<number> {
	await client.query(
		`create temporary table sample_anchors (commune_code text not null, n integer not null, geom extensions.geometry not null,
		   primary key (commune_code, n)) on commit drop`
	);
	const anchors = [...sample.anchorsPerCommune].map(([code, n]) => ({
		code,
		n,
		seed: seedInt(`${seed}/${code}`)
	}));
	// On a MultiPolygon, ST_GeneratePoints shares the points among the parts by area and rounds
	// each share down, so an archipelago gets fewer than asked: ask for one more per part, then keep
	// n of them, chosen in a seeded random order (the points come out part by part).
	await client.query(
		`insert into pg_temp.sample_anchors (commune_code, n, geom)
		 select code, n, geom from (
		   select c.code, r.n as wanted, d.geom,
		          row_number() over (partition by c.code order by md5(r.seed::text || '/' || d.path[1]::text)) as n
		   from ${recordset('code text, n integer, seed integer')}
		   join public.communes c on c.code = r.code
		   cross join lateral extensions.st_dump(
		     extensions.st_generatepoints(c.geom, r.n + extensions.st_numgeometries(c.geom), r.seed)) d
		 ) drawn
		 where n <= wanted`,
		[JSON.stringify(anchors)]
	);
	const drawn = await client.query<{ n: number }>('select count(*)::int as n from pg_temp.sample_anchors');
	const wanted = anchors.reduce((sum, a) => sum + a.n, 0);
	if (drawn.rows[0].n !== wanted)
		throw new Error(`Se pidieron ${wanted} puntos de anclaje y PostGIS generó ${drawn.rows[0].n}`);

	await client.query(
		`create temporary table sample_shapes (id bigint primary key, commune_code text not null, anchor integer not null,
		   kind text not null, rel text, fallback double precision, lon double precision, lat double precision) on commit drop`
	);
	await insertJson(
		client,
		`insert into pg_temp.sample_shapes select * from ${recordset('id bigint, commune_code text, anchor integer, kind text, rel text, fallback double precision, lon double precision, lat double precision')}`,
		sample.projects.map((p) => ({
			id: p.id,
			commune_code: p.commune_code,
			anchor: p.anchor,
			kind: p.shape.kind,
			rel: 'rel' in p.shape ? p.shape.rel : null,
			fallback: 'fallback' in p.shape ? p.shape.fallback : null,
			lon: 'lon' in p.shape ? p.shape.lon : null,
			lat: 'lat' in p.shape ? p.shape.lat : null
		})),
		20_000
	);
	// Metres to degrees at the anchor's latitude (equirectangular: exact enough over a few km).
	const placed = (factor: string) =>
		`extensions.st_translate(extensions.st_scale(extensions.st_geomfromtext(s.rel, 4326),
		   ${factor} / (111320 * cos(radians(extensions.st_y(a.geom)))), ${factor} / 110574.0),
		   extensions.st_x(a.geom), extensions.st_y(a.geom))`;
	const result = await client.query(
		`create temporary table sample_geometries on commit drop as
		 with shaped as (
		   select s.id, s.kind, s.rel, s.fallback, a.geom as anchor, left(s.commune_code, 2) as region_code,
		          case s.kind
		            when 'coast' then extensions.st_setsrid(extensions.st_makepoint(s.lon, s.lat), 4326)
		            when 'point' then a.geom
		            else ${placed('1')}
		          end as geom
		   from pg_temp.sample_shapes s
		   left join pg_temp.sample_anchors a on a.commune_code = s.commune_code and a.n = s.anchor
		   order by left(s.commune_code, 2)
		 )
		 select s.id,
		        -- 1e-6° is about 10 cm: enough for a work's location, and half the digits to send.
		        extensions.st_snaptogrid(
		          case when s.kind = 'line' and not extensions.st_covers(g.geom, s.geom)
		               then (select ${placed('s.fallback')} from (select s.anchor as geom) a)
		               else s.geom end,
		          0.000001) as geom
		 from shaped s
		 join public.regions g on g.code = s.region_code`
	);
	await client.query('alter table pg_temp.sample_geometries add primary key (id)');
	return result.rowCount ?? 0;
}

async function insertProjects(
	client: ClientBase,
	sample: SampleData,
	batchSize: number,
	advance: (done: number, total: number) => void
): Promise<void> {
	const total = sample.projects.length;
	advance(0, total);
	await insertJson(
		client,
		`insert into public.projects (id, service_code, bip_code, name, description, stage, status, investment_clp, start_on, end_on, geom, created_at, updated_at)
		 overriding system value
		 select r.id, r.service_code, r.bip_code, r.name, r.description, r.stage::public.project_stage, r.status::public.project_status,
		        r.investment_clp, r.start_on, r.end_on, g.geom, r.created_at, r.created_at
		 from ${recordset('id bigint, service_code text, bip_code text, name text, description text, stage text, status text, investment_clp bigint, start_on date, end_on date, created_at timestamptz')}
		 join pg_temp.sample_geometries g on g.id = r.id
		 order by r.id`,
		sample.projects.map((p) => ({
			id: p.id,
			service_code: p.service_code,
			bip_code: p.bip_code,
			name: p.name,
			description: p.description,
			stage: p.stage,
			status: p.status,
			investment_clp: p.investment_clp,
			start_on: p.start_on,
			end_on: p.end_on,
			created_at: p.created_at
		})),
		batchSize,
		(done) => {
			// One update per batch, or about a hundred for a row-by-row load.
			if (batchSize > 1 || done % Math.max(1, Math.floor(total / 100)) === 0 || done === total)
				advance(done, total);
		}
	);
}

const need = <K, V>(map: Map<K, V>, key: K, what: string): V => {
	const value = map.get(key);
	if (value === undefined) throw new Error(`Falta ${what}: ${String(key)}`);
	return value;
};

async function insertAgreements(client: ClientBase, sample: SampleData, ids: IdMaps): Promise<void> {
	const institution = (key: string) => need(ids.institutions, key, 'la institución');
	await insertJson(
		client,
		`insert into public.agreements (id, kind, title, problem, signed_on, ends_on, region_code, created_at, updated_at)
		 overriding system value
		 select id, kind::public.agreement_kind, title, problem, signed_on, ends_on, region_code, created_at, created_at
		 from ${recordset('id bigint, kind text, title text, problem text, signed_on date, ends_on date, region_code text, created_at timestamptz')}
		 order by id`,
		sample.agreements,
		20_000
	);
	await insertJson(
		client,
		`insert into public.agreement_parties (agreement_id, institution_id, role)
		 select agreement_id, institution_id, role::public.agreement_party_role from ${recordset('agreement_id bigint, institution_id bigint, role text')}`,
		sample.parties.map((p) => ({
			agreement_id: p.agreement_id,
			institution_id: institution(p.institution),
			role: p.role
		})),
		50_000
	);
	await insertJson(
		client,
		`insert into public.commitments (id, agreement_id, title, responsible_institution_id, theme_code, due_on, status, progress, estimated_cost_clp, created_at, updated_at)
		 overriding system value
		 select id, agreement_id, title, responsible_institution_id, theme_code, due_on, status::public.commitment_status, progress,
		        estimated_cost_clp, created_at, updated_at
		 from ${recordset('id bigint, agreement_id bigint, title text, responsible_institution_id bigint, theme_code text, due_on date, status text, progress smallint, estimated_cost_clp bigint, created_at timestamptz, updated_at timestamptz')}
		 order by id`,
		sample.commitments.map(({ responsible, ...c }) => ({
			...c,
			responsible_institution_id: institution(responsible)
		})),
		20_000
	);
	// The history trigger has just recorded each commitment as of now; the sample replaces that
	// with the dated history it was generated with (this table holds only sample rows here).
	await client.query('delete from public.commitment_progress');
	await insertJson(
		client,
		`insert into public.commitment_progress (id, commitment_id, progress, status, note, changed_by, changed_at)
		 overriding system value
		 select id, commitment_id, progress, status::public.commitment_status, note, changed_by, changed_at
		 from ${recordset('id bigint, commitment_id bigint, progress smallint, status text, note text, changed_by uuid, changed_at timestamptz')}
		 order by id`,
		sample.progress.map((p, i) => ({
			id: i + 1,
			commitment_id: p.commitment_id,
			progress: p.progress,
			status: p.status,
			note: p.note,
			changed_by: p.changed_by ? (ids.users.get(p.changed_by) ?? null) : null,
			changed_at: p.changed_at
		})),
		50_000
	);
	await insertJson(
		client,
		`insert into public.commitment_communes (commitment_id, commune_code) select commitment_id, commune_code from ${recordset('commitment_id bigint, commune_code text')}`,
		sample.commitmentCommunes,
		50_000
	);
	await insertJson(
		client,
		`insert into public.commitment_projects (commitment_id, project_id) select commitment_id, project_id from ${recordset('commitment_id bigint, project_id bigint')}`,
		sample.commitmentProjects,
		50_000
	);
}

async function insertFlows(client: ClientBase, sample: SampleData, ids: IdMaps): Promise<void> {
	const institution = (key: string) => need(ids.institutions, key, 'la institución');
	const user = (key: string | null) => (key ? (ids.users.get(key) ?? null) : null);
	await insertJson(
		client,
		`insert into public.information_flows (id, region_code, information, description, producer_institution_id, channel, periodicity, next_due_on, first_due_on, created_at, updated_at)
		 overriding system value
		 select id, region_code, information, description, producer_institution_id, channel::public.information_channel,
		        periodicity::public.information_periodicity, next_due_on, first_due_on, created_at, created_at
		 from ${recordset('id bigint, region_code text, information text, description text, producer_institution_id bigint, channel text, periodicity text, next_due_on date, first_due_on date, created_at timestamptz')}
		 order by id`,
		sample.flows.map(({ producer, ...f }) => ({ ...f, producer_institution_id: institution(producer) })),
		20_000
	);
	await insertJson(
		client,
		`insert into public.information_flow_recipients (flow_id, institution_id) select flow_id, institution_id from ${recordset('flow_id bigint, institution_id bigint')}`,
		sample.recipients.map((r) => ({ flow_id: r.flow_id, institution_id: institution(r.institution) })),
		50_000
	);
	// Archived publications were public first: they go in published, receive their receipts, and
	// are archived afterwards (receipts can only be given while a publication is public).
	await insertJson(
		client,
		`insert into public.publications (id, region_code, title, summary, body_md, kind, status, published_at, author_id, flow_id, due_on, created_at, updated_at)
		 overriding system value
		 select id, region_code, title, summary, body_md, kind::public.publication_kind, status::public.publication_status, published_at,
		        author_id, flow_id, due_on, created_at, coalesce(published_at, created_at)
		 from ${recordset('id bigint, region_code text, title text, summary text, body_md text, kind text, status text, published_at timestamptz, author_id uuid, flow_id bigint, due_on date, created_at timestamptz')}
		 order by id`,
		sample.publications.map(({ author, ...p }) => ({
			...p,
			status: p.status === 'archived' ? 'published' : p.status,
			author_id: user(author)
		})),
		10_000
	);
	for (const [table, column, rows] of [
		['publication_communes', 'commune_code text', sample.publicationCommunes],
		['publication_projects', 'project_id bigint', sample.publicationProjects],
		['publication_commitments', 'commitment_id bigint', sample.publicationCommitments]
	] as const) {
		const target = column.split(' ')[0];
		await insertJson(
			client,
			`insert into public.${table} (publication_id, ${target}) select publication_id, ${target} from ${recordset(`publication_id bigint, ${column}`)}`,
			rows,
			50_000
		);
	}
	await insertJson(
		client,
		`insert into public.acknowledgements (id, publication_id, institution_id, user_id, acknowledged_at)
		 overriding system value
		 select id, publication_id, institution_id, user_id, acknowledged_at
		 from ${recordset('id bigint, publication_id bigint, institution_id bigint, user_id uuid, acknowledged_at timestamptz')}
		 order by id`,
		sample.acknowledgements.map((a, i) => ({
			id: i + 1,
			publication_id: a.publication_id,
			institution_id: institution(a.institution),
			user_id: user(a.user),
			acknowledged_at: a.acknowledged_at
		})),
		20_000
	);
	const archived = sample.publications.filter((p) => p.status === 'archived').map((p) => p.id);
	if (archived.length) {
		await client.query(
			`update public.publications set status = 'archived' where id = any($1::bigint[])`,
			[archived]
		);
	}
}

async function insertPmg(client: ClientBase, sample: SampleData, ids: IdMaps): Promise<void> {
	await insertJson(
		client,
		`insert into public.pmg_evaluations (id, institution_id, year, requirement_code, development, recommendations, status, created_at, updated_at)
		 overriding system value
		 select id, institution_id, year, requirement_code, development, recommendations, status::public.pmg_evaluation_status, created_at, created_at
		 from ${recordset('id bigint, institution_id bigint, year smallint, requirement_code text, development text, recommendations text, status text, created_at timestamptz')}
		 order by id`,
		sample.pmg.map(({ institution, ...e }, i) => ({
			id: i + 1,
			institution_id: need(ids.institutions, institution, 'la institución'),
			...e
		})),
		20_000
	);
}
