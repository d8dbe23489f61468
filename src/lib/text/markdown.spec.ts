import { describe, expect, it } from 'vitest';
import { markdownParagraphs, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders the reading vocabulary', () => {
		expect(renderMarkdown('**Logro**: 3 mesas\n\n- uno\n- dos')).toBe(
			'<p><strong>Logro</strong>: 3 mesas</p>\n<ul>\n<li>uno</li>\n<li>dos</li>\n</ul>\n'
		);
	});

	it('removes scripts, handlers and javascript: links', () => {
		const html = renderMarkdown(
			'<script>alert(1)</script><img src=x onerror=alert(2)>\n\n[x](javascript:alert(3)) <a href="/convenios/1" onclick="x()">ok</a>'
		);
		expect(html).not.toMatch(/script|onerror|onclick|javascript:|<img/i);
		expect(html).toContain('<a href="/convenios/1">ok</a>');
	});

	it('keeps same-site and web links, drops protocol-relative ones', () => {
		expect(renderMarkdown('[a](https://www.mop.gob.cl) [b](//evil.example)')).toBe(
			'<p><a href="https://www.mop.gob.cl">a</a> <a>b</a></p>\n'
		);
	});

	it('is empty for nothing', () => {
		expect(renderMarkdown(null)).toBe('');
	});
});

describe('markdownParagraphs', () => {
	it('gives one plain line per block, entities decoded', () => {
		expect(markdownParagraphs('Uno & **dos**\n\n- tres < cuatro\n- cinco')).toEqual([
			'Uno & dos',
			'tres < cuatro',
			'cinco'
		]);
	});
});
