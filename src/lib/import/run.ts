import { en } from '../i18n/areas/import.en.ts';
import { es } from '../i18n/areas/import.ts';
import { ImportFileError } from './errors.ts';
import type { ColumnMapping } from './fields.ts';
import type { ImportReference } from './reference.ts';
import type { ImportSource } from './sources/source.ts';
import { RowValidator, type ImportIssue, type ImportRow } from './validate.ts';

/** What public.import_projects / private.import_staged_rows answer. */
export interface DatabaseOutcome {
	new: number;
	updated: number;
	unchanged: number;
	rejected: number;
	committed: boolean;
	rejections: { row: number; reason: string; detail: string | null }[];
}

/** Where valid rows go: the API (web) or a database transaction (CLI). Nothing is kept unless finish(true). */
export interface ImportSink {
	add(rows: ImportRow[]): Promise<void>;
	finish(commit: boolean): Promise<DatabaseOutcome>;
}

export interface ImportReport {
	rows: number;
	new: number;
	updated: number;
	unchanged: number;
	rejected: number;
	committed: boolean;
	/** The first MAX_ISSUES issues, file-level first, then by row. */
	issues: ImportIssue[];
	issueCount: number;
}

export const MAX_ISSUES = 1000;
const BATCH = 5000;

export interface RunOptions {
	commit: boolean;
	region?: string | null;
	onProgress?: (rows: number) => void;
}

/** Validates every record, sends the valid rows to the sink in batches, and asks it to check (and commit). */
export async function runImport(
	source: ImportSource,
	mapping: ColumnMapping,
	reference: ImportReference,
	sink: ImportSink,
	options: RunOptions
): Promise<ImportReport> {
	const validator = new RowValidator(mapping, reference, { region: options.region });
	const issues: ImportIssue[] = validator.mappingIssues();
	if (issues.length)
		return {
			rows: 0,
			new: 0,
			updated: 0,
			unchanged: 0,
			rejected: 0,
			committed: false,
			issues,
			issueCount: issues.length
		};
	let issueCount = 0;
	let invalidRows = 0;
	let rows = 0;
	let batch: ImportRow[] = [];
	for await (const record of source.records) {
		rows += 1;
		const result = validator.validate(record);
		if (result.issues.length) {
			invalidRows += 1;
			issueCount += result.issues.length;
			for (const issue of result.issues) if (issues.length < MAX_ISSUES) issues.push(issue);
		}
		if (result.row) batch.push(result.row);
		if (batch.length >= BATCH) {
			await sink.add(batch);
			batch = [];
		}
		if (rows % 1000 === 0) options.onProgress?.(rows);
	}
	if (rows === 0) throw new ImportFileError('empty');
	if (batch.length) await sink.add(batch);
	options.onProgress?.(rows);
	const outcome = await sink.finish(options.commit);
	for (const rejection of outcome.rejections) {
		issueCount += 1;
		if (issues.length < MAX_ISSUES)
			issues.push({
				row: rejection.row,
				column: null,
				code: rejection.reason,
				params: { row: rejection.row, value: rejection.detail ?? '' }
			});
	}
	issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
	return {
		rows,
		new: outcome.new,
		updated: outcome.updated,
		unchanged: outcome.unchanged,
		rejected: invalidRows + outcome.rejected,
		committed: outcome.committed,
		issues,
		issueCount
	};
}

export type ImportLanguage = 'es' | 'en';

/** An issue or a file error in the reader's language, from the import catalogue. */
export function describeIssue(
	issue: Pick<ImportIssue, 'row' | 'code' | 'params'>,
	language: ImportLanguage = 'es'
): string {
	const catalogue: Record<string, string> = language === 'en' ? en : es;
	const key = `import.${issue.row === null ? 'file' : 'issue'}.${issue.code}`;
	const template = catalogue[key] ?? key;
	// A field is named by its label ("Nombre"), not its code.
	const params = { ...issue.params };
	if (typeof params.field === 'string')
		params.field = catalogue[`import.field.${params.field}`] ?? params.field;
	return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
		name in params ? String(params[name]) : placeholder
	);
}

/** Any failure of opening or reading a file, as an issue; other errors are bugs and go up. */
export function fileIssue(error: unknown): ImportIssue {
	if (error instanceof ImportFileError)
		return { row: null, column: null, code: error.code, params: error.params };
	throw error;
}
