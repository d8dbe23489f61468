import { defineConfig, devices } from '@playwright/test';
import { HEADLESS_CHROMIUM_ARGS } from './src/lib/server/chromium-args.ts';

// Browser tests run against the production build (`vite build`, then `node build`), with Debian's
// Chromium instead of a downloaded browser. The Supabase URL and key come from the environment
// (the test orchestrator exports them from the local stack), so the same build can be pointed at
// any Supabase.
// E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://127.0.0.1:${PORT}`;

const passThrough = (names: string[]) =>
	Object.fromEntries(
		names.flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : []))
	);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	outputDir: 'test-results/',
	fullyParallel: false,
	// Two cores: one worker keeps the server and the browser from starving each other.
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	forbidOnly: !!process.env.CI,
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	timeout: 60_000,
	expect: { timeout: 15_000 },
	use: {
		baseURL: ORIGIN,
		// An English browser on purpose: the interface must still default to Spanish.
		locale: 'en-US',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: HEADLESS_CHROMIUM_ARGS
		}
	},
	projects: [
		{
			name: 'chromium',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 900 } }
		}
	],
	webServer: {
		command: 'node build',
		url: ORIGIN,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
		stdout: 'pipe',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN,
			BODY_SIZE_LIMIT: '64M',
			...passThrough([
				'PUBLIC_SUPABASE_URL',
				'PUBLIC_SUPABASE_ANON_KEY',
				'PUBLIC_MAP_STYLE_URL',
				'PUBLIC_SUPABASE_REALTIME',
				'SUPABASE_AUTH_FORWARDING_KEY',
				'SUPABASE_SERVICE_ROLE_KEY',
				'SMTP_URL',
				'LOCAL_MAILBOX_URL',
				'LOCAL_MAILBOX_TOKEN',
				'MAIL_FROM'
			]),
			// Deliveries queued by the tests go out at once instead of on the next minute's round.
			MAIL_POLL_MS: '1000'
		}
	}
});
