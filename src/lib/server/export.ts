import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from '$lib/database.types';
import type { RpcFilter } from '$lib/filters/filter';
import { translate, type Language, type MessageKey } from '$lib/i18n';
import { enumLabel } from '$lib/i18n/enums';
import { NATIONAL, NATIONAL_IN_REGION, regionalPart } from './agreements';
import {
	OC4IDS_LOCAL_SCHEME,
	OC4IDS_PUBLISHER,
	OC4IDS_VERSION,
	oc4idsProject,
	type Oc4idsSource
} from './oc4ids';

// Exports of exactly the filtered projects, streamed: pages of EXPORT_PAGE_SIZE rows in id order
// (keyset: id > last id) through public.filtered_projects under the caller's RLS, each written
// out before the next is asked for, so 100 000 rows never sit in memory together.

type Client = SupabaseClient<Database>;
type Enums = Database['public']['Enums'];

export const EXPORT_PAGE_SIZE = 1000;

const EXPORT_COLUMNS =
	'id,bip_code,name,service_code,stage,status,investment_clp,start_on,end_on,' +
	'project_progress_latest(physical_progress,spent_clp,reported_on),' +
	'project_communes(commune_code,share,communes(name))';

interface ExportRow {
	id: number;
	bip_code: string | null;
	name: string;
	service_code: string;
	stage: Enums['project_stage'];
	status: Enums['project_status'];
	investment_clp: number | null;
	start_on: string | null;
	end_on: string | null;
	geom?: unknown;
	project_progress_latest: { physical_progress: number; spent_clp: number; reported_on: string } | null;
	project_communes: { commune_code: string; share: number; communes: { name: string } | null }[];
}

export class ExportError extends Error {
	// A field, not a parameter property: the export CLI loads this module with Node's type
	// stripping, which only takes erasable TypeScript.
	readonly status: number;
	constructor(message: string, status: number) {
		super(message);
		this.name = 'ExportError';
		this.status = status;
	}
}

/** Every page of filtered projects, in id order. */
async function* pages<Row extends { id: number } = ExportRow>(
	supabase: Client,
	filter: RpcFilter,
	columns: string,
	pageSize: number
): AsyncGenerator<Row[]> {
	let last = 0;
	for (;;) {
		const { data, error, status } = await supabase
			.rpc('filtered_projects', { p_filter: filter as unknown as Json })
			.select(columns)
			.gt('id', last)
			.order('id', { ascending: true })
			.order('share', { referencedTable: 'project_communes', ascending: false })
			.limit(pageSize);
		if (error) throw new ExportError(`filtered_projects failed: ${error.message}`, status || 500);
		const rows = (data ?? []) as unknown as Row[];
		if (rows.length) yield rows;
		if (rows.length < pageSize) return;
		last = rows[rows.length - 1].id;
	}
}

/** Excel, LibreOffice and Sheets run a cell that starts like a formula; a leading ' makes it text. */
export function neutralizeFormula(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | null | undefined, separator: string): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'number' ? String(value) : neutralizeFormula(value);
	return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export type CsvSeparator = ',' | ';';

const CSV_HEADERS: MessageKey[] = [
	'export.id',
	'export.bipCode',
	'export.name',
	'export.service',
	'export.stage',
	'export.status',
	'export.investment',
	'export.startOn',
	'export.endOn',
	'export.physicalProgress',
	'export.spent',
	'export.progressReportedOn',
	'export.communes'
];

/** A decimal as the spreadsheet expects it: with `;` as separator (Chilean Excel) a decimal comma. */
const decimal = (value: number, separator: CsvSeparator) =>
	separator === ';' ? String(value).replace('.', ',') : String(value);

function csvLine(cells: (string | number | null | undefined)[], separator: CsvSeparator): string {
	return cells.map((cell) => csvCell(cell, separator)).join(separator) + '\r\n';
}

function csvRow(row: ExportRow, language: Language, services: Map<string, string>, separator: CsvSeparator) {
	const progress = row.project_progress_latest;
	const communes = row.project_communes
		.map(
			(c) =>
				`${c.communes?.name ?? c.commune_code} (${decimal(Math.round(c.share * 1000) / 10, separator)} %)`
		)
		.join(' | ');
	return csvLine(
		[
			row.id,
			row.bip_code,
			row.name,
			services.get(row.service_code) ?? row.service_code,
			enumLabel(language, 'project_stage', row.stage),
			enumLabel(language, 'project_status', row.status),
			row.investment_clp,
			row.start_on,
			row.end_on,
			progress ? decimal(progress.physical_progress, separator) : null,
			progress?.spent_clp,
			progress?.reported_on,
			communes
		],
		separator
	);
}

async function serviceNames(supabase: Client): Promise<Map<string, string>> {
	const { data, error, status } = await supabase.from('mop_services').select('code,name');
	if (error) throw new ExportError(`mop_services failed: ${error.message}`, status || 500);
	return new Map((data ?? []).map((s) => [s.code, s.name]));
}

/** The first page of rows read now, so that a failure is an error response, not a cut file. */
async function started<Row>(source: AsyncGenerator<Row[]>): Promise<AsyncGenerator<Row[]>> {
	const first = await source.next();
	return (async function* () {
		if (first.done) return;
		yield first.value;
		yield* source;
	})();
}

function streamOf(produce: () => AsyncGenerator<string>): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let chunks: AsyncGenerator<string> | undefined;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			chunks ??= produce();
			const next = await chunks.next();
			if (next.done) controller.close();
			else controller.enqueue(encoder.encode(next.value));
		},
		async cancel() {
			await chunks?.return(undefined);
		}
	});
}

/**
 * CSV in UTF-8 with a byte order mark (so Excel reads the accents), headers in the reader's
 * language, one line per project. The first page is read before the stream starts so that a
 * failure becomes an error response, not a truncated file.
 */
export async function projectsCsv(
	supabase: Client,
	filter: RpcFilter,
	language: Language,
	separator: CsvSeparator,
	pageSize = EXPORT_PAGE_SIZE
): Promise<ReadableStream<Uint8Array>> {
	const services = await serviceNames(supabase);
	const source = await started(pages(supabase, filter, EXPORT_COLUMNS, pageSize));
	return streamOf(async function* () {
		yield (
			'\uFEFF' +
			csvLine(
				CSV_HEADERS.map((key) => translate(language, key)),
				separator
			)
		);
		for await (const rows of source)
			yield rows.map((row) => csvRow(row, language, services, separator)).join('');
	});
}

function feature(row: ExportRow, services: Map<string, string>): string {
	const progress = row.project_progress_latest;
	return JSON.stringify({
		type: 'Feature',
		id: row.id,
		geometry: row.geom ?? null,
		properties: {
			id: row.id,
			bip_code: row.bip_code,
			name: row.name,
			service_code: row.service_code,
			service: services.get(row.service_code) ?? row.service_code,
			stage: row.stage,
			status: row.status,
			investment_clp: row.investment_clp,
			start_on: row.start_on,
			end_on: row.end_on,
			physical_progress: progress?.physical_progress ?? null,
			spent_clp: progress?.spent_clp ?? null,
			progress_reported_on: progress?.reported_on ?? null,
			communes: row.project_communes.map((c) => ({ code: c.commune_code, share: c.share }))
		}
	});
}

/** A GeoJSON FeatureCollection (RFC 7946, WGS84), one feature per project. */
export async function projectsGeoJson(
	supabase: Client,
	filter: RpcFilter,
	pageSize = EXPORT_PAGE_SIZE
): Promise<ReadableStream<Uint8Array>> {
	const services = await serviceNames(supabase);
	const source = await started(pages(supabase, filter, `${EXPORT_COLUMNS},geom`, pageSize));
	return streamOf(async function* () {
		yield '{"type":"FeatureCollection","features":[\n';
		let separator = '';
		for await (const rows of source) {
			yield separator + rows.map((row) => feature(row, services)).join(',\n');
			separator = ',\n';
		}
		yield '\n]}\n';
	});
}

// ── Estimated costs of commitments (agreements workspace) ─────────────────────────────────────────
// One line per commitment, cancelled ones included with their status (the sums on the pages leave
// them out; the file lets a reader check that), in the same streamed, formula-safe CSV.

export type CostScope = { agreement: number } | { region: string };

interface CostRow {
	id: number;
	title: string;
	region_code: string | null;
	due_on: string;
	status: Enums['commitment_status'];
	progress: number;
	estimated_cost_clp: number | null;
	theme: { name: string } | null;
	agreement: { title: string } | null;
	responsible: { name: string } | null;
	/** Of a national agreement, on a region's file: its comunas, to take the region's part. */
	all_communes?: { commune_code: string }[];
}

const COST_HEADERS: MessageKey[] = [
	'export.id',
	'costs.csv.agreement',
	'costs.csv.region',
	'costs.csv.commitment',
	'costs.csv.responsible',
	'costs.csv.theme',
	'costs.csv.dueOn',
	'costs.csv.year',
	'costs.csv.status',
	'costs.csv.progress',
	'costs.csv.cost',
	'costs.csv.scope',
	'costs.csv.regionShare'
];

const COST_COLUMNS =
	'id,title,region_code,due_on,status,progress,estimated_cost_clp,theme:themes(name),agreement:agreements(title),responsible:institutions!commitments_responsible_institution_id_fkey(name)';

type CostQuery = 'agreement' | 'region' | 'national in region' | 'national without comunas';

async function* costQueryPages(
	supabase: Client,
	kind: CostQuery,
	target: string,
	pageSize: number
): AsyncGenerator<CostRow[]> {
	let last = 0;
	for (;;) {
		const columns =
			kind === 'national in region'
				? `${COST_COLUMNS},${NATIONAL_IN_REGION}`
				: kind === 'national without comunas'
					? `${COST_COLUMNS},all_communes:commitment_communes(commune_code)`
					: COST_COLUMNS;
		let query = supabase.from('commitments_with_status').select(columns).gt('id', last);
		if (kind === 'agreement') query = query.eq('agreement_id', Number(target));
		else if (kind === 'region') query = query.eq('region_code', target);
		else if (kind === 'national in region')
			query = query.is('region_code', null).like('in_region.commune_code', `${target}%`);
		else query = query.is('region_code', null).is('all_communes', null);
		const { data, error, status } = await query.order('id', { ascending: true }).limit(pageSize);
		if (error) throw new ExportError(`commitments_with_status failed: ${error.message}`, status || 500);
		const rows = (data ?? []) as unknown as CostRow[];
		if (rows.length) yield rows;
		if (rows.length < pageSize) return;
		last = rows[rows.length - 1].id;
	}
}

/**
 * An agreement's commitments; or a region's: its own agreements' and then the national ones that
 * concern its comunas (docs/DATA.md); or, for NATIONAL, the national ones without comunas.
 */
async function* costPages(supabase: Client, scope: CostScope, pageSize: number): AsyncGenerator<CostRow[]> {
	if ('agreement' in scope) {
		yield* costQueryPages(supabase, 'agreement', String(scope.agreement), pageSize);
	} else if (scope.region === NATIONAL) {
		yield* costQueryPages(supabase, 'national without comunas', scope.region, pageSize);
	} else {
		yield* costQueryPages(supabase, 'region', scope.region, pageSize);
		yield* costQueryPages(supabase, 'national in region', scope.region, pageSize);
	}
}

function costLine(row: CostRow, scope: CostScope, language: Language, separator: CsvSeparator): string {
	const part =
		'region' in scope && row.region_code === null
			? regionalPart(
					row.estimated_cost_clp,
					(row.all_communes ?? []).map((link) => link.commune_code),
					scope.region
				)
			: row.estimated_cost_clp;
	return csvLine(
		[
			row.id,
			row.agreement?.title,
			row.region_code,
			row.title,
			row.responsible?.name,
			row.theme?.name,
			row.due_on,
			row.due_on.slice(0, 4),
			enumLabel(language, 'commitment_status', row.status),
			row.progress,
			row.estimated_cost_clp,
			translate(language, row.region_code === null ? 'agreements.national' : 'costs.csv.regional'),
			part
		],
		separator
	);
}

export async function commitmentCostsCsv(
	supabase: Client,
	scope: CostScope,
	language: Language,
	separator: CsvSeparator,
	pageSize = EXPORT_PAGE_SIZE
): Promise<ReadableStream<Uint8Array>> {
	const source = costPages(supabase, scope, pageSize);
	const first = await source.next();
	return streamOf(async function* () {
		yield (
			'\uFEFF' +
			csvLine(
				COST_HEADERS.map((key) => translate(language, key)),
				separator
			)
		);
		if (first.done) return;
		yield first.value.map((row) => costLine(row, scope, language, separator)).join('');
		for await (const rows of source)
			yield rows.map((row) => costLine(row, scope, language, separator)).join('');
	});
}

const OC4IDS_COLUMNS =
	'id,bip_code,name,description,service_code,stage,status,investment_clp,start_on,end_on,' +
	'updated_at,located_by_commune,geom,project_communes(commune_code,share,communes(name))';

export interface Oc4idsPackageOptions {
	/** The package's URI: where this very package can be fetched again. */
	uri: string;
	/** Prefix of the projects' OC4IDS ids (a registered prefix when the publisher has one). */
	idPrefix?: string;
	pageSize?: number;
}

/**
 * An OC4IDS 0.9 project package of the filtered projects (mapping in oc4ids.ts), streamed.
 * `publishedDate` is written last (JSON objects are unordered): for a package made on demand it
 * is the latest change among its projects, known only once every page has been read.
 */
export async function projectsOc4ids(
	supabase: Client,
	filter: RpcFilter,
	{ uri, idPrefix = OC4IDS_LOCAL_SCHEME, pageSize = EXPORT_PAGE_SIZE }: Oc4idsPackageOptions
): Promise<ReadableStream<Uint8Array>> {
	const services = await serviceNames(supabase);
	const source = await started(pages<Oc4idsSource>(supabase, filter, OC4IDS_COLUMNS, pageSize));
	return streamOf(async function* () {
		yield (
			`{"version":${JSON.stringify(OC4IDS_VERSION)},"uri":${JSON.stringify(uri)},` +
			`"publisher":${JSON.stringify(OC4IDS_PUBLISHER)},"projects":[\n`
		);
		let separator = '';
		let latest = '';
		for await (const rows of source) {
			const text = rows
				.map((row) => {
					if (row.updated_at > latest) latest = row.updated_at;
					const service = {
						code: row.service_code,
						name: services.get(row.service_code) ?? row.service_code
					};
					return JSON.stringify(oc4idsProject(row, service, idPrefix));
				})
				.join(',\n');
			yield separator + text;
			separator = ',\n';
		}
		const published = latest ? new Date(latest) : new Date();
		yield `\n],"publishedDate":${JSON.stringify(published.toISOString())}}\n`;
	});
}
