import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The map toolkit is a room of its own: generic MapLibre pieces any page can use. Domain
// knowledge (territory, projects, agreements…) lives in the domain folders that use it, and
// arrows point one way, into the toolkit, never out of it.

const MAP_DIR = join(import.meta.dirname);

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]
	);
}

const sources = filesUnder(MAP_DIR)
	.filter((file) => /\.(ts|svelte)$/.test(file) && !file.endsWith('rooms.spec.ts'))
	.map((file) => ({ file: relative(MAP_DIR, file), text: readFileSync(file, 'utf8') }));

/** `$lib/...` and relative imports that leave src/lib/map. */
function outgoingImports(file: string, text: string): string[] {
	const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
	return specifiers.filter((specifier) => {
		if (specifier.startsWith('$lib/')) return !specifier.startsWith('$lib/map/');
		if (!specifier.startsWith('.')) return false;
		const target = relative(MAP_DIR, join(MAP_DIR, file, '..', specifier));
		return target.startsWith('..');
	});
}

const DOMAIN_WORDS =
	/\b(comunas?|communes?|provincias?|provinces?|regi[oó]n(es)?|regional|territor\w*|proyectos?|projects?|convenios?|agreements?|institutions?|chile\w*|MOP)\b/i;

describe('src/lib/map', () => {
	it('has files to check', () => {
		expect(sources.length).toBeGreaterThan(10);
	});

	it('imports nothing from the rest of src/lib but i18n', () => {
		const outgoing = sources.flatMap(({ file, text }) =>
			outgoingImports(file, text)
				.filter((specifier) => !specifier.startsWith('$lib/i18n'))
				.map((specifier) => `${file} → ${specifier}`)
		);
		expect(outgoing).toEqual([]);
	});

	it('holds no domain words', () => {
		const hits = sources.flatMap(({ file, text }) =>
			text
				.split('\n')
				.map((line, index) => ({ line, index }))
				// ARIA's role="region" is the web platform's word, not the domain's.
				.filter(({ line }) => DOMAIN_WORDS.test(line.replace(/role="region"/g, '')))
				.map(({ line, index }) => `${file}:${index + 1}: ${line.trim()}`)
		);
		expect(hits).toEqual([]);
	});
});
