import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from '$lib/database.types';
import type { RpcFilter } from '$lib/filters/filter';
import { translate, type Language, type MessageKey } from '$lib/i18n';
import { enumLabel } from '$lib/i18n/enums';
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
