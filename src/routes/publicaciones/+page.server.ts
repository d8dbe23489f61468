import { Constants } from '$lib/database.types';
import { filterFromSearchParams } from '$lib/filters/url';
import { translate } from '$lib/i18n';
import { listPublicPublications, PAGE_SIZE, type PublicationKind } from '$lib/server/publications';
import { listRegions } from '$lib/server/territory';
import type { PageServerLoad } from './$types';

const KINDS: readonly string[] = Constants.public.Enums.publication_kind;

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('supabase:db:publications');
	// Region, comuna, years and text are the dashboard's filter model (same parameters, same
	// validation); the kind is this list's own parameter.
	const { filter, notices } = filterFromSearchParams(url.searchParams);
	const kindParam = url.searchParams.get('tipo');
	const kind = kindParam && KINDS.includes(kindParam) ? (kindParam as PublicationKind) : undefined;
	const messages = notices.map((n) =>
		translate(locals.lang, `filters.notice.${n.reason}`, { param: n.param, value: n.value })
	);
	if (kindParam && !kind)
		messages.push(
			translate(locals.lang, 'publications.filter.invalidKind', { value: kindParam.slice(0, 60) })
		);
	const page = Math.max(0, Math.min(10_000, Number(url.searchParams.get('pagina') ?? 1) - 1 || 0));

	const communesOf = filter.region
		? locals.supabase.from('communes').select('code,name').eq('region_code', filter.region).order('name')
		: locals.supabase.from('communes').select('code,name').order('name');
	const [list, regions, communes] = await Promise.all([
		listPublicPublications(locals.supabase, { filter, kind, offset: page * PAGE_SIZE }, locals.lang),
		listRegions(locals.supabase, locals.lang),
		communesOf
	]);
	return {
		filter,
		query: url.searchParams.toString(),
		kind: kind ?? null,
		notices: messages,
		page: page + 1,
		pages: Math.max(1, Math.ceil(list.count / PAGE_SIZE)),
		...list,
		regions,
		communes: communes.data ?? []
	};
};
