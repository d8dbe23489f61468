import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing running; `integration` talks to the local Supabase-compatible
// stack through supabase-js (scripts/test.ts starts it and passes its URL and keys through env).
export default defineConfig({
	plugins: [sveltekit()],
	test: {
		projects: [
			{
				extends: true,
				// Svelte's client runtime, so component specs (happy-dom) can mount components.
				resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					testTimeout: 30_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			}
		]
	}
});
