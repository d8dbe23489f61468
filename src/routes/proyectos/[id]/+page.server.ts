import { error } from '@sveltejs/kit';
import { failOnDataError } from '$lib/errors';
import { translate } from '$lib/i18n';
import { loadProject } from '$lib/server/dashboard';
import { loadProjectFlags } from '$lib/server/quality';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('supabase:db:projects');
	const notFound = () => error(404, translate(locals.lang, 'project.notFound', { id: params.id }));
	if (!/^\d{1,15}$/.test(params.id)) notFound();
	const [project, flags] = await Promise.all([
		loadProject(locals.supabase, Number(params.id)),
		loadProjectFlags(locals.supabase, Number(params.id))
	]);
	failOnDataError(project, locals.lang, 'proyectos.detail');
	failOnDataError(flags, locals.lang, 'proyectos.flags');
	if (!project.data) notFound();
	return { project: project.data!, flags: flags.data ?? [] };
};
