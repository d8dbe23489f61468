import { sveltekit } from '@sveltejs/kit/vite';
import { configDefaults, defineConfig } from 'vitest/config';

// `unit` needs nothing running; `component` mounts Svelte components in happy-dom (npm test runs
// both as its unit suite); `integration` talks to the local Supabase-compatible stack through
// supabase-js (scripts/test.ts starts it and passes its URL and keys through env).
const componentSpecs = 'src/**/*.svelte.spec.ts';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		setupFiles: ['tests/support/languages.ts'],
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
					exclude: [...configDefaults.exclude, componentSpecs],
					environment: 'node'
				}
			},
			{
				extends: true,
				// Svelte's client runtime (mount, effects) instead of its server build.
				resolve: { conditions: ['browser'] },
				test: {
					name: 'component',
					include: [componentSpecs],
					environment: 'happy-dom'
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
