import { fail, redirect } from '@sveltejs/kit';
import { formText } from '$lib/forms/form-text';
import { readForm } from '$lib/forms/read-form';
import { translate } from '$lib/i18n';
import { isEvaluatedRequirement } from '$lib/pmg/evidence';
import {
	abilities,
	advancePart,
	loadCaller,
	loadEvaluation,
	parseYear,
	partOf,
	partRef,
	saveTexts
} from '$lib/server/pmg';
import { listRegions } from '$lib/server/territory';
import { renderMarkdown } from '$lib/publications/render';
import type { Actions, PageServerLoad } from './$types';

const TEXT_LIMIT = 20_000;

export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends('supabase:db:pmg_evaluations');
	const year = parseYear(params.anio, locals.lang);
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	const caller = await loadCaller(locals.supabase, locals.user.id, locals.lang);
	const regionCode = partOf(caller, url.searchParams.get('region'));
	const [evaluation, regions] = await Promise.all([
		loadEvaluation(locals.supabase, year, regionCode, locals.lang),
		listRegions(locals.supabase, locals.lang)
	]);
	const rendered = Object.fromEntries(
		Object.entries(evaluation.evaluations).map(([code, row]) => [
			code,
			{
				background: renderMarkdown(row.background),
				development: renderMarkdown(row.development),
				recommendations: renderMarkdown(row.recommendations)
			}
		])
	);
	return {
		...evaluation,
		rendered,
		regionCode,
		regions,
		canChoosePart: caller.role === 'admin' || caller.role === 'planner',
		abilities: abilities(caller, regionCode)
	};
};

async function context(event: Parameters<Actions[string]>[0]) {
	const { locals, params, url } = event;
	const year = parseYear(params.anio, locals.lang);
	if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	const caller = await loadCaller(locals.supabase, locals.user.id, locals.lang);
	const part = await partRef(
		locals.supabase,
		year,
		partOf(caller, url.searchParams.get('region')),
		locals.lang
	);
	return { part, form: await readForm(event.request, locals.lang) };
}

function text(form: FormData, name: string): string | null {
	const value = (formText(form, name) ?? '').replace(/\r\n/g, '\n').trim();
	return value.length > 0 ? value.slice(0, TEXT_LIMIT) : null;
}

export const actions: Actions = {
	save: async (event) => {
		const { part, form } = await context(event);
		const lang = event.locals.lang;
		const requirement = formText(form, 'requirement') ?? '';
		if (!isEvaluatedRequirement(requirement) && requirement !== '3') {
			return fail(400, { requirement, message: translate(lang, 'db.invalidData') });
		}
		const result = await saveTexts(
			event.locals.supabase,
			part,
			requirement,
			{
				background: text(form, 'background'),
				development: text(form, 'development'),
				recommendations: text(form, 'recommendations')
			},
			lang
		);
		if (!result.ok) return fail(result.status, { requirement, message: result.message });
		return { requirement, message: translate(lang, 'pmg.saved', { code: requirement }) };
	},
	submit: async (event) => {
		const { part } = await context(event);
		const result = await advancePart(event.locals.supabase, part, 'submitted', event.locals.lang);
		if (!result.ok) return fail(result.status, { requirement: null, message: result.message });
		return { requirement: null, message: translate(event.locals.lang, 'pmg.submitted') };
	},
	finalise: async (event) => {
		const { part } = await context(event);
		const result = await advancePart(event.locals.supabase, part, 'final', event.locals.lang);
		if (!result.ok) return fail(result.status, { requirement: null, message: result.message });
		return { requirement: null, message: translate(event.locals.lang, 'pmg.finalised') };
	}
};
