import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
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
