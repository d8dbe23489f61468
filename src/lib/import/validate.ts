import type { Geometry } from 'geojson';
import type { ColumnMapping, ImportField } from './fields.ts';
import { REQUIRED_FIELDS } from './fields.ts';
import { checkGeometry, parseGeometryText, pointOf } from './geometry.ts';
import {
	ReferenceLookup,
	stageOf,
	statusOf,
	type ImportReference,
	type ProjectStage,
	type ProjectStatus
} from './reference.ts';
import { cellText } from './text.ts';
import { looksLikeFormula, parseBip, parseClp, parseDate, parseDecimal } from './values.ts';

/** One record of a source file: its row number as the user sees it, cells by header, and the geometry the format carries. */
export interface SourceRecord {
	row: number;
	values: Record<string, unknown>;
	geometry?: unknown;
}

/** A row ready for public.import_projects (its JSON shape). */
export interface ImportRow {
	row_number: number;
	bip_code: string | null;
	name: string;
	description: string | null;
	service_code: string;
	stage: ProjectStage;
	status: ProjectStatus;
	investment_clp: number | null;
	start_on: string | null;
	end_on: string | null;
	geometry: Geometry | null;
	commune_codes: string[];
}

/**
 * A problem with the file (row null) or one row. `code` picks the message
 * (`import.issue.<code>`, src/lib/i18n/areas/import.ts); params fill it.
 */
export interface ImportIssue {
	row: number | null;
	column: string | null;
	code: string;
	params: Record<string, string | number>;
}

const MAX_TEXT: Partial<Record<ImportField, number>> = { name: 500, description: 4000 };
const MAX_CELL = 10_000;
const SHOWN_VALUE = 60;

/** The cell as the message quotes it: short, one line. */
function shown(value: unknown): string {
	const text = String(value instanceof Date ? value.toISOString().slice(0, 10) : value).replace(
		/\s+/g,
		' '
	);
	return text.length > SHOWN_VALUE ? `${text.slice(0, SHOWN_VALUE)}…` : text;
}

export interface ValidatorOptions {
	/** Limit the import to one region (a secretariat's, or the CLI's --region). */
	region?: string | null;
}

/**
 * Turns source records into import rows under one mapping, one record at a time (so a 100 000-row
 * file streams through it), remembering only the BIP codes seen, to refuse duplicates.
 */
export class RowValidator {
	private readonly lookup: ReferenceLookup;
	private readonly seenBip = new Map<string, number>();
	private readonly mapping: ColumnMapping;
	private readonly options: ValidatorOptions;

	constructor(mapping: ColumnMapping, reference: ImportReference, options: ValidatorOptions = {}) {
		this.mapping = mapping;
		this.options = options;
		this.lookup = new ReferenceLookup(reference);
	}

	/** The file-level problems of the mapping itself: a required field no header feeds. */
	mappingIssues(): ImportIssue[] {
		const issues: ImportIssue[] = [];
		for (const field of REQUIRED_FIELDS)
			if (!this.mapping[field])
				issues.push({ row: null, column: null, code: 'missing_field', params: { field } });
		return issues;
	}

	validate(record: SourceRecord): { row: ImportRow | null; issues: ImportIssue[] } {
		const issues: ImportIssue[] = [];
		const { row } = record;
		const fail = (field: ImportField, code: string, params: Record<string, string | number> = {}) => {
			// A geometry the format carries (GeoJSON, Shapefile, OC4IDS) is its `geometry` member, not a column.
			const column =
				field === 'wkt' && record.geometry != null ? 'geometry' : (this.mapping[field] ?? field);
			issues.push({ row, column, code, params: { row, column, ...params } });
		};
		const raw = (field: ImportField): unknown => {
			const header = this.mapping[field];
			return header ? record.values[header] : undefined;
		};
		const text = (field: ImportField): string | null => {
			const value = cellText(raw(field));
			if (value === null) return null;
			if (value.length > (MAX_TEXT[field] ?? MAX_CELL)) {
				fail(field, 'too_long', { length: value.length, max: MAX_TEXT[field] ?? MAX_CELL });
				return null;
			}
			if (value.includes('\uFFFD')) {
				fail(field, 'encoding', { value: shown(value) });
				return null;
			}
			if (looksLikeFormula(value)) {
				fail(field, 'formula', { value: shown(value) });
				return null;
			}
			return value;
		};
		const required = (field: ImportField): string | null => {
			const value = text(field);
			if (value === null && !issues.some((i) => i.column === (this.mapping[field] ?? field)))
				fail(field, 'required');
			return value;
		};

		const name = required('name');
		const description = text('description');

		const serviceText = required('service');
		const service = serviceText === null ? null : this.lookup.service(serviceText);
		if (serviceText !== null && !service) fail('service', 'service', { value: shown(serviceText) });

		const stageText = required('stage');
		const stage = stageText === null ? null : stageOf(stageText);
		if (stageText !== null && !stage) fail('stage', 'stage', { value: shown(stageText) });

		const statusText = required('status');
		const status = statusText === null ? null : statusOf(statusText);
		if (statusText !== null && !status) fail('status', 'status', { value: shown(statusText) });

		let bip: string | null = null;
		const bipText = text('bip_code');
		if (bipText !== null) {
			bip = parseBip(bipText);
			if (!bip) fail('bip_code', 'bip', { value: shown(bipText) });
			else if (this.seenBip.has(bip)) {
				fail('bip_code', 'duplicate_bip', { value: bip, first: this.seenBip.get(bip)! });
				bip = null;
			} else this.seenBip.set(bip, row);
		}

		let investment: number | null = null;
		const investmentRaw = raw('investment');
		if (cellText(investmentRaw) !== null) {
			investment = parseClp(
				typeof investmentRaw === 'number' ? investmentRaw : cellText(investmentRaw)
			);
			if (investment === null) fail('investment', 'amount', { value: shown(investmentRaw) });
		}

		const date = (field: 'start_on' | 'end_on'): string | null => {
			const value = raw(field);
			if (cellText(value) === null) return null;
			const parsed = parseDate(typeof value === 'string' ? value.trim() : value);
			if (!parsed) fail(field, 'date', { value: shown(value) });
			return parsed;
		};
		const startOn = date('start_on');
		const endOn = date('end_on');
		if (startOn && endOn && endOn < startOn)
			fail('end_on', 'end_before_start', { start: startOn, end: endOn });

		const communes = this.communes(text('commune'), fail);
		const regionText = text('region');
		if (regionText !== null) {
			const region = this.lookup.region(regionText);
			if (!region) fail('region', 'region', { value: shown(regionText) });
			else if (communes.regions.some((r) => r !== region))
				fail('commune', 'commune_region', { value: shown(text('commune')), region: regionText });
		}
		if (this.options.region && communes.regions.some((r) => r !== this.options.region))
			fail('commune', 'commune_outside_region', {
				value: shown(text('commune')),
				region: this.options.region
			});

		const geometry = this.geometry(record, fail);
		if (
			geometry === null &&
			communes.codes.length === 0 &&
			!issues.some(
				(i) =>
					i.code.startsWith('geometry') ||
					['utm', 'swapped', 'outside_chile', 'commune', 'coordinate'].includes(i.code)
			)
		)
			issues.push({ row, column: null, code: 'no_location', params: { row } });

		if (issues.length || !name || !service || !stage || !status) return { row: null, issues };
		return {
			row: {
				row_number: row,
				bip_code: bip,
				name,
				description,
				service_code: service,
				stage,
				status,
				investment_clp: investment,
				start_on: startOn,
				end_on: endOn,
				geometry,
				commune_codes: communes.codes
			},
			issues
		};
	}

	/** One comuna or several (`Iquique (50 %) | Alto Hospicio (50 %)`, as the tablero exports them). */
	private communes(
		value: string | null,
		fail: (field: ImportField, code: string, params?: Record<string, string | number>) => void
	): { codes: string[]; regions: string[] } {
		if (value === null) return { codes: [], regions: [] };
		const codes: string[] = [];
		const regions: string[] = [];
		for (const part of value.replace(/\([^)]*\)/g, '').split(/[|;,]/)) {
			if (!part.trim()) continue;
			const commune = this.lookup.commune(part);
			if (!commune) {
				fail('commune', 'commune', { value: shown(part.trim()) });
				return { codes: [], regions: [] };
			}
			if (!codes.includes(commune.code)) {
				codes.push(commune.code);
				regions.push(commune.region_code);
			}
		}
		return { codes, regions };
	}

	private geometry(
		record: SourceRecord,
		fail: (field: ImportField, code: string, params?: Record<string, string | number>) => void
	): Geometry | null {
		if (record.geometry !== undefined && record.geometry !== null) {
			const checked = checkGeometry(record.geometry);
			if ('problem' in checked) fail('wkt', checked.problem);
			return 'geometry' in checked ? checked.geometry : null;
		}
		const wkt = cellText(raw(this.mapping, record, 'wkt'));
		if (wkt !== null) {
			const checked = parseGeometryText(wkt);
			if ('problem' in checked) fail('wkt', checked.problem, { value: shown(wkt) });
			return 'geometry' in checked ? checked.geometry : null;
		}
		const lonRaw = raw(this.mapping, record, 'longitude');
		const latRaw = raw(this.mapping, record, 'latitude');
		if (cellText(lonRaw) === null && cellText(latRaw) === null) return null;
		const lon = parseDecimal(lonRaw);
		const lat = parseDecimal(latRaw);
		if (lon === null) fail('longitude', 'coordinate', { value: shown(lonRaw ?? '') });
		if (lat === null) fail('latitude', 'coordinate', { value: shown(latRaw ?? '') });
		if (lon === null || lat === null) return null;
		const checked = pointOf(lon, lat);
		if ('problem' in checked) fail('longitude', checked.problem, { value: `${lon}; ${lat}` });
		return 'geometry' in checked ? checked.geometry : null;
	}
}

function raw(mapping: ColumnMapping, record: SourceRecord, field: ImportField): unknown {
	const header = mapping[field];
	return header ? record.values[header] : undefined;
}
