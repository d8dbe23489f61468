import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { isoToChileLocal } from '$lib/publications/compose';
import { loadComposeOptions, loadDeskPublication } from '$lib/server/publications';
import { projectChoices } from '$lib/server/project-search';
import { deskMembership, saveFromForm } from '$lib/server/publication-desk';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, parent, depends }) => {
	depends('supabase:db:publications');
	await parent();
	const desk = await loadDeskPublication(locals.supabase, params.id, locals.lang);
	const [options, projects] = await Promise.all([
		loadComposeOptions(locals.supabase, desk.publication.region_code, locals.lang),
		// Labelled as the project picker labels its choices (name · BIP · comunas).
		projectChoices(
			locals.supabase,
			desk.projects.map((x) => x.id),
			locals.lang
		)
	]);
	const p = desk.publication;
	return {
		...desk,
		...options,
		wasPublic:
			p.status === 'archived' ||
			(p.published_at !== null && p.status !== 'draft' && new Date(p.published_at) <= new Date()),
		initial: {
			title: p.title,
			summary: p.summary ?? '',
			body_md: p.body_md ?? '',
			kind: p.kind,
			communes: desk.communes.map((c) => c.code),
			projects,
			commitments: desk.commitments.map((x) => ({ id: x.id, label: x.title })),
			flow_id: p.flow_id === null ? '' : String(p.flow_id),
			due_on: p.due_on ?? '',
			scheduled_at: p.status === 'scheduled' && p.published_at ? isoToChileLocal(p.published_at) : ''
		}
	};
};

export const actions: Actions = {
	save: async (event) => {
		await deskMembership(event);
		const { locals, params } = event;
		const current = await locals.supabase
			.from('publications')
			.select('id,region_code,status')
			.eq('id', Number(params.id))
			.maybeSingle();
		if (!/^\d{1,18}$/.test(params.id) || !current.data)
			error(404, translate(locals.lang, 'publications.notFound'));
		return saveFromForm(event, current.data.region_code, current.data);
	}
};
