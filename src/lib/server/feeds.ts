import { Feed } from 'feed';
import { feedPaths } from '$lib/publications/feed-paths';
import { plainText, renderMarkdown } from '$lib/publications/render';

/** A publication as a feed item needs it (its body rendered by the one sanitiser). */
export interface FeedPublication {
	id: number;
	title: string;
	summary: string | null;
	body_md: string | null;
	published_at: string;
	updated_at: string;
}

export interface FeedScope {
	/** `/region/05` or `/comuna/05101`: the page the feed belongs to. */
	path: string;
	title: string;
	description: string;
	language: string;
}

export type FeedFormat = 'rss' | 'atom';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
	rss: 'application/rss+xml; charset=utf-8',
	atom: 'application/atom+xml; charset=utf-8'
};

/**
 * RSS 2.0 or Atom 1.0 of a region's or comuna's publications, built by the `feed` package (it
 * escapes and writes RFC 822 / RFC 3339 dates). Links and ids are absolute and stable: an item's id
 * is its page's URL, which never changes for a publication. Titles and summaries go out as plain
 * text and bodies through the same sanitiser as the page, so a feed reader that renders HTML gets
 * nothing executable.
 */
export function buildFeed(
	origin: string,
	scope: FeedScope,
	publications: readonly FeedPublication[],
	format: FeedFormat
): string {
	const pageUrl = new URL(scope.path, origin).href;
	const paths = feedPaths(scope.path);
	const newest = publications.reduce<Date | undefined>((latest, p) => {
		const updated = new Date(p.updated_at);
		return !latest || updated > latest ? updated : latest;
	}, undefined);
	const feed = new Feed({
		id: pageUrl,
		title: scope.title,
		description: scope.description,
		link: pageUrl,
		language: scope.language,
		// A fixed date for an empty feed keeps the output stable between requests.
		updated: newest ?? new Date(0),
		generator: 'Tablero Territorial',
		copyright: 'Ministerio de Obras Públicas de Chile',
		feedLinks: { rss: new URL(paths.rss, origin).href, atom: new URL(paths.atom, origin).href }
	});
	for (const publication of publications) {
		const link = new URL(`/publicaciones/${publication.id}`, origin).href;
		feed.addItem({
			id: link,
			guid: link,
			link,
			title: plainText(publication.title),
			description: plainText(publication.summary),
			content: renderMarkdown(publication.body_md),
			date: new Date(publication.updated_at),
			published: new Date(publication.published_at)
		});
	}
	return format === 'rss' ? feed.rss2() : feed.atom1();
}
