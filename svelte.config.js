import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const nodeAdapter = adapter();

/**
 * adapter-node precompresses the client files it knows (js, css, json, svg…) but not `.geojson`,
 * so the boundary files (a region's 7–335 kB, the national 235 kB) went out uncompressed. Their
 * gzip and brotli twins are written beside them; the server picks one by Accept-Encoding.
 */
async function precompressGeoJson(dir) {
	for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.geojson')) continue;
		const path = join(entry.parentPath, entry.name);
		const content = await readFile(path);
		await writeFile(`${path}.gz`, gzipSync(content, { level: 9 }));
		await writeFile(
			`${path}.br`,
			brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
		);
	}
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: {
			...nodeAdapter,
			async adapt(builder) {
				await nodeAdapter.adapt(builder);
				await precompressGeoJson('build/client');
			}
		},
		// The Content-Security-Policy of every page (rules and reasons: docs/SECURITY.md, "The app in
		// the browser"). Scripts run only from this origin or with the per-response nonce SvelteKit
		// puts on its own inline bootstrap. The Supabase API origin is known only at run time, so
		// src/lib/server/security-headers.ts adds it (and a basemap's origin) to connect-src.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// MapLibre 6 runs its worker from the module Vite emits (self); blob: covers workers and
				// images MapLibre builds in memory.
				'worker-src': ['self', 'blob:'],
				'child-src': ['self', 'blob:'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				// Svelte and MapLibre set style attributes; inline styles cannot run code.
				'style-src': ['self', 'unsafe-inline'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
