import { error, type RequestEvent } from '@sveltejs/kit';
import { failOnDataError } from '$lib/errors';
import { translate } from '$lib/i18n';
import { isCommuneCode, isRegionCode } from '$lib/territory/order';
import { buildFeed, FEED_CONTENT_TYPES, type FeedFormat } from './feeds';

const FEED_SIZE = 30;

/** The RSS or Atom response of a region's or comuna's public publications (read as anon would: the view). */
export async function feedResponse(
	event: RequestEvent,
	place: { kind: 'region' | 'commune'; code: string },
	format: FeedFormat
): Promise<Response> {
	const { supabase, lang } = event.locals;
	const valid = place.kind === 'region' ? isRegionCode(place.code) : isCommuneCode(place.code);
	if (!valid) error(404, translate(lang, 'publications.notFound'));
	const table = place.kind === 'region' ? 'regions' : 'communes';
	const name = await supabase.from(table).select('name').eq('code', place.code).maybeSingle();
	failOnDataError(name, lang, 'feedResponse.place');
	if (!name.data) error(404, translate(lang, 'publications.notFound'));

	const columns = 'id,title,summary,body_md,published_at,updated_at';
	const result =
		place.kind === 'region'
			? await supabase
					.from('public_publications')
					.select(columns)
					.eq('region_code', place.code)
					.order('published_at', { ascending: false })
					.limit(FEED_SIZE)
			: await supabase
					.from('public_publications')
					.select(`${columns},publication_communes!inner(commune_code)`)
					.eq('publication_communes.commune_code', place.code)
					.order('published_at', { ascending: false })
					.limit(FEED_SIZE);
	failOnDataError(result, lang, 'feedResponse.publications');
	const publications = (result.data ?? []).map((p) => ({
		id: p.id!,
		title: p.title!,
		summary: p.summary,
		body_md: p.body_md,
		published_at: p.published_at!,
		updated_at: p.updated_at!
	}));
	const path = `/${place.kind === 'region' ? 'region' : 'comuna'}/${place.code}`;
	const xml = buildFeed(
		event.url.origin,
		{
			path,
			title: translate(
				lang,
				place.kind === 'region' ? 'publications.feedTitleRegion' : 'publications.feedTitleCommune',
				{
					name: name.data.name
				}
			),
			description: translate(lang, 'publications.feedDescription', { name: name.data.name }),
			language: lang
		},
		publications,
		format
	);
	return new Response(xml, {
		headers: {
			'content-type': FEED_CONTENT_TYPES[format],
			// Feed readers poll; a few minutes of caching spares the database without hiding news long.
			'cache-control': 'public, max-age=300'
		}
	});
}
