import { error, fail, redirect } from '@sveltejs/kit';
import { IMPORT_FIELDS, cleanMapping, guessMapping, type ColumnMapping } from '$lib/import/fields';
import { openImport } from '$lib/import/open';
import { describeIssue, fileIssue, runImport, type ImportReport } from '$lib/import/run';
import { formText } from '$lib/forms/form-text';
import { readForm } from '$lib/forms/read-form';
import { translate } from '$lib/i18n';
import { apiSink, importFingerprint, importReference, importerOf } from '$lib/server/import';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Issues shown on the page: the rest are counted. */
const SHOWN_ISSUES = 200;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	const importer = await importerOf(locals.supabase, locals.user.id);
	if (!importer) error(403, translate(locals.lang, 'import.forbidden'));
	const { data: mappings, error: mappingsError } = await locals.supabase
		.from('import_mappings')
		.select('id,name,region_code,mapping')
		.order('name');
	if (mappingsError) throw new Error(`import_mappings failed: ${mappingsError.message}`);
	return { importer, mappings: mappings ?? [], fields: IMPORT_FIELDS };
};

interface Posted {
	name: string;
	bytes: Uint8Array;
	form: FormData;
}

async function posted(event: RequestEvent): Promise<Posted | null> {
	const form = await readForm(event.request, event.locals.lang);
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) return null;
	return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), form };
}

/** The mapping the form asks for: the posted selects, else a saved mapping, else the headers' own names. */
async function mappingFor(event: RequestEvent, form: FormData, headers: string[]): Promise<ColumnMapping> {
	if (form.get('mapped') === '1') {
		const raw = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, form.get(`map.${field}`)]));
		return cleanMapping(raw, headers);
	}
	const saved = Number(form.get('saved'));
	if (Number.isInteger(saved) && saved > 0) {
		const { data } = await event.locals.supabase
			.from('import_mappings')
			.select('mapping')
			.eq('id', saved)
			.maybeSingle();
		if (data) return cleanMapping(data.mapping, headers);
	}
	return guessMapping(headers);
}

async function check(event: RequestEvent, commit: boolean) {
	const { locals } = event;
	if (!locals.user) error(401, translate(locals.lang, 'import.forbidden'));
	const importer = await importerOf(locals.supabase, locals.user.id);
	if (!importer) error(403, translate(locals.lang, 'import.forbidden'));
	const file = await posted(event);
	if (!file)
		return fail(400, { step: 'file' as const, message: translate(locals.lang, 'import.file.empty') });

	let headers: string[] = [];
	let mapping: ColumnMapping = {};
	let report: ImportReport;
	try {
		const source = await openImport({ name: file.name, bytes: file.bytes });
		headers = source.headers;
		mapping = await mappingFor(event, file.form, headers);
		const fingerprint = importFingerprint(file.bytes, mapping);
		if (commit && file.form.get('fingerprint') !== fingerprint)
			return fail(409, { step: 'file' as const, message: translate(locals.lang, 'import.changed') });
		report = await runImport(
			source,
			mapping,
			await importReference(locals.supabase),
			apiSink(locals.supabase),
			{
				commit,
				region: importer.region
			}
		);
		return {
			step: commit ? ('committed' as const) : ('preview' as const),
			fileName: file.name,
			headers,
			mapping,
			fingerprint,
			report: {
				...report,
				issues: report.issues.slice(0, SHOWN_ISSUES).map((issue) => ({
					row: issue.row,
					column: issue.column,
					message: describeIssue(issue, locals.lang)
				}))
			}
		};
	} catch (failure) {
		const issue = fileIssue(failure);
		return fail(422, {
			step: 'file' as const,
			headers,
			mapping,
			message: describeIssue(issue, locals.lang)
		});
	}
}

export const actions: Actions = {
	preview: (event) => check(event, false),
	commit: (event) => check(event, true),
	saveMapping: async (event) => {
		const { locals } = event;
		const form = await readForm(event.request, locals.lang);
		const name = (formText(form, 'mappingName') ?? '').trim().slice(0, 100);
		const headers = IMPORT_FIELDS.map((field) => form.get(`map.${field}`)).filter(
			(header): header is string =>
				typeof header === 'string' && header.length > 0 && header.length <= 100
		);
		const raw = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, form.get(`map.${field}`)]));
		const mapping = cleanMapping(raw, headers);
		if (!name)
			return fail(400, {
				step: 'file' as const,
				message: translate(locals.lang, 'import.mapping.save')
			});
		const importer = locals.user ? await importerOf(locals.supabase, locals.user.id) : null;
		if (!importer) error(403, translate(locals.lang, 'import.forbidden'));
		const region = form.get('share') === 'on' ? importer.region : null;
		const { data: existing } = await locals.supabase
			.from('import_mappings')
			.select('id')
			.eq('user_id', locals.user!.id)
			.eq('name', name)
			.maybeSingle();
		const { error: saveError } = existing
			? await locals.supabase
					.from('import_mappings')
					.update({ mapping, region_code: region })
					.eq('id', existing.id)
			: await locals.supabase.from('import_mappings').insert({ name, mapping, region_code: region });
		if (saveError) throw new Error(`import_mappings save failed: ${saveError.message}`);
		return { step: 'saved' as const, message: translate(locals.lang, 'import.mapping.saved', { name }) };
	}
};
