import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { unsafeParts, xssVectors } from '$lib/publications/xss-vectors';
import { buildFeed, type FeedPublication } from './feeds';

const origin = 'https://tablero.example';
const scope = {
	path: '/region/05',
	title: 'Publicaciones de Valparaíso',
	description: 'Lo que publica la Secretaría Técnica',
	language: 'es'
};
const publication = (id: number, overrides: Partial<FeedPublication> = {}): FeedPublication => ({
	id,
	title: `Informe ${id}`,
	summary: `Resumen ${id}`,
	body_md: `# Informe ${id}\n\nTexto con [enlace](https://www.mop.gob.cl).`,
	published_at: '2026-11-02T13:00:00Z',
	updated_at: '2026-11-03T14:30:00Z',
	...overrides
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', cdataPropName: false });
const asList = <T>(value: T | T[] | undefined): T[] =>
	value === undefined ? [] : Array.isArray(value) ? value : [value];
// One DOM for every parse: a fresh JSDOM per string costs seconds over a hundred vectors.
const { document } = new JSDOM('').window;
const body = (html: string) => {
	const root = document.createElement('div');
	root.innerHTML = html;
	return root;
};
const RFC_822 =
	/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('RSS 2.0', () => {
	const xml = buildFeed(origin, scope, [publication(7), publication(8)], 'rss');
	const rss = parser.parse(xml).rss;

	it('is well-formed RSS 2.0 with absolute links and RFC 822 dates', () => {
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(rss['@version']).toBe('2.0');
		expect(rss.channel.link).toBe('https://tablero.example/region/05');
		const items = asList(rss.channel.item);
		expect(items).toHaveLength(2);
		expect(items[0].link).toBe('https://tablero.example/publicaciones/7');
		expect(items[0].guid['#text'] ?? items[0].guid).toBe('https://tablero.example/publicaciones/7');
		expect(items[0].pubDate).toMatch(RFC_822);
		expect(rss.channel.lastBuildDate).toMatch(RFC_822);
	});

	it('gives each item a unique, stable id: the same input builds the same feed', () => {
		const guids = asList(rss.channel.item).map((item) => item.guid['#text'] ?? item.guid);
		expect(new Set(guids).size).toBe(guids.length);
		expect(buildFeed(origin, scope, [publication(7), publication(8)], 'rss')).toBe(xml);
	});
});

describe('Atom', () => {
	const xml = buildFeed(origin, { ...scope, path: '/comuna/05101' }, [publication(9)], 'atom');
	const atom = parser.parse(xml).feed;

	it('is well-formed Atom with absolute ids and RFC 3339 dates', () => {
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(atom['@xmlns']).toBe('http://www.w3.org/2005/Atom');
		expect(atom.id).toBe('https://tablero.example/comuna/05101');
		const entry = asList(atom.entry)[0];
		expect(entry.id).toBe('https://tablero.example/publicaciones/9');
		expect(entry.updated).toMatch(RFC_3339);
		expect(entry.published).toMatch(RFC_3339);
		const self = asList(atom.link).find((link: Record<string, string>) => link['@rel'] === 'self');
		expect(self['@href']).toBe('https://tablero.example/comuna/05101/publicaciones.atom');
	});
});

describe('hostile publications in feeds', () => {
	const hostile = xssVectors.map((vector, index) =>
		publication(100 + index, { title: vector, summary: vector, body_md: `Texto ${vector}\n\n${vector}` })
	);

	for (const format of ['rss', 'atom'] as const) {
		it(
			`${format}: ${xssVectors.length} vectors in title, summary and body come out inert`,
			{ timeout: 30_000 },
			() => {
				const xml = buildFeed(origin, scope, hostile, format);
				expect(XMLValidator.validate(xml)).toBe(true);
				const parsed = parser.parse(xml);
				const items = format === 'rss' ? asList(parsed.rss.channel.item) : asList(parsed.feed.entry);
				expect(items).toHaveLength(xssVectors.length);
				for (const [index, item] of items.entries()) {
					const text = (value: unknown): string => {
						if (typeof value === 'string' || typeof value === 'number') return String(value);
						const inner = (value as Record<string, unknown> | undefined)?.['#text'];
						return typeof inner === 'string' ? inner : '';
					};
					const title = text(item.title);
					const summary = text(format === 'rss' ? item.description : item.summary);
					const content = text(format === 'rss' ? item['content:encoded'] : item.content);
					// Titles and summaries are plain text: read as HTML they hold no element at all.
					expect(body(title).querySelectorAll('*'), `title ${xssVectors[index]}`).toHaveLength(0);
					expect(body(summary).querySelectorAll('*'), `summary ${xssVectors[index]}`).toHaveLength(
						0
					);
					expect(unsafeParts(body(content)), `content ${xssVectors[index]}`).toEqual([]);
				}
			}
		);
	}
});
