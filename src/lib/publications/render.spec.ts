import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, sanitizeHtml } from './render';
import { unsafeParts, xssVectors } from './xss-vectors';

// One DOM for every parse: a fresh JSDOM per string costs seconds over a hundred vectors.
const { document } = new JSDOM('').window;
const parse = (html: string) => {
	const root = document.createElement('div');
	root.innerHTML = html;
	return root;
};

describe('renderMarkdown', () => {
	it('keeps what an author writes: headings, emphasis, lists, tables, links, images', () => {
		const html = renderMarkdown(
			'# Título\n\n**negrita** y _cursiva_\n\n- uno\n- dos\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[MOP](https://www.mop.gob.cl) ![mapa](/mapa.png)'
		);
		const body = parse(html);
		expect(body.querySelector('h1')?.textContent).toBe('Título');
		expect(body.querySelector('strong')?.textContent).toBe('negrita');
		expect(body.querySelectorAll('li')).toHaveLength(2);
		expect(body.querySelector('table td')?.textContent).toBe('1');
		const link = body.querySelector('a');
		expect(link?.getAttribute('href')).toBe('https://www.mop.gob.cl');
		expect(link?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
		expect(body.querySelector('img')?.getAttribute('src')).toBe('/mapa.png');
	});

	it('renders nothing for an empty body', () => {
		expect(renderMarkdown(null)).toBe('');
		expect(renderMarkdown('')).toBe('');
	});

	it(`neutralises ${xssVectors.length} OWASP vectors in a body`, () => {
		expect(xssVectors.length).toBeGreaterThanOrEqual(25);
		for (const vector of xssVectors) {
			const html = renderMarkdown(`Antes ${vector} después\n\n${vector}`);
			expect(unsafeParts(parse(html)), vector).toEqual([]);
		}
	});

	it('neutralises every vector given as raw HTML too', () => {
		for (const vector of xssVectors) expect(unsafeParts(parse(sanitizeHtml(vector))), vector).toEqual([]);
	});
});

describe('unsafeParts', () => {
	// The check itself must be able to fail, or the tests above prove nothing.
	it('finds what it looks for in unsanitised HTML', () => {
		const unsafe = xssVectors.filter((vector) => unsafeParts(parse(vector)).length > 0);
		expect(unsafe.length).toBeGreaterThanOrEqual(25);
		expect(unsafeParts(parse('<a href="javascript:x()" onclick="y()" style="z">a</a>'))).toEqual([
			'a[href=javascript:x()]',
			'a[onclick]',
			'a[style]'
		]);
	});
});
