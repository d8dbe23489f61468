import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { enumLabel } from '$lib/i18n/enums';
import { diffVersions } from '$lib/publications/diff';
import { loadDeskPublication } from '$lib/server/publications';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, parent }) => {
	await parent();
	const { publication, versions } = await loadDeskPublication(locals.supabase, params.id, locals.lang);
	const number = Number(params.version);
	const newer = versions.find((v) => v.version === number);
	const older = versions.find((v) => v.version === number - 1);
	if (!newer || !older) error(404, translate(locals.lang, 'publications.notFound'));
	// Kind and status are compared as the person reads them, not as codes.
	const readable = (v: typeof newer) => ({
		...v,
		kind: enumLabel(locals.lang, 'publication_kind', v.kind),
		status: enumLabel(locals.lang, 'publication_status', v.status)
	});
	return {
		publication: { id: publication.id, title: publication.title },
		older,
		newer,
		fields: diffVersions(readable(older), readable(newer))
	};
};
