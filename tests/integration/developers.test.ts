// The examples of the developers' page (/desarrolladores) run as printed, against the stack: the
// two curl commands and the supabase-js program give the comuna's projects, the same ones the
// API gives through project_communes. The texts come from src/lib/developers/examples.ts, the
// module the page renders.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { curlExamples, supabaseJsExample, type ExampleSettings } from '$lib/developers/examples';
import { loadPublicApi } from '$lib/server/openapi';
import { testClient, testSetting } from '../support/supabase.ts';

const run = promisify(execFile);
const commune = '05101';
const settings: ExampleSettings = {
	apiUrl: testSetting('PUBLIC_SUPABASE_URL'),
	anonKey: testSetting('PUBLIC_SUPABASE_ANON_KEY'),
	siteUrl: 'http://127.0.0.1:1',
	commune
};
let expected: number[];

const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

beforeAll(async () => {
	const { data, error } = await testClient()
		.from('project_communes')
		.select('project_id')
		.eq('commune_code', commune);
	if (error) throw new Error(error.message);
	expected = data.map((r) => r.project_id).sort((a, b) => a - b);
	// The stack's sample always has projects in Valparaíso; an empty answer would prove nothing.
	expect(expected.length).toBeGreaterThan(0);
});

describe('the examples of /desarrolladores', () => {
	it('curl through project_communes', async () => {
		const { stdout } = await run('sh', ['-c', curlExamples(settings).table]);
		const rows = JSON.parse(stdout) as { share: number; projects: { id: number } }[];
		expect(ids(rows.map((r) => r.projects))).toEqual(expected);
	});

	it('curl through filtered_projects', async () => {
		const { stdout } = await run('sh', ['-c', curlExamples(settings).rpc]);
		expect(ids(JSON.parse(stdout) as { id: number }[])).toEqual(expected);
	});

	it('the supabase-js program', async () => {
		// Beside node_modules, so that its import of @supabase/supabase-js resolves as in a project.
		const dir = join(process.cwd(), 'node_modules', '.cache', 'tablero-developers-example');
		mkdirSync(dir, { recursive: true });
		const file = join(dir, 'example.mjs');
		writeFileSync(file, supabaseJsExample(settings));
		const { stdout } = await run(process.execPath, [file]);
		expect(ids(JSON.parse(stdout) as { id: number }[])).toEqual(expected);
	});
});

describe('the API description', () => {
	it('lists the public tables and RPCs and not what anon may not read', async () => {
		const api = await loadPublicApi(settings.apiUrl, settings.anonKey);
		const tables = api.tables.map((t) => t.name);
		expect(tables).toEqual(
			expect.arrayContaining(['projects', 'project_communes', 'project_quality_flags'])
		);
		expect(tables).not.toContain('memberships');
		expect(tables).not.toContain('audit_log');
		expect(api.functions.find((f) => f.name === 'filtered_projects')?.params).toEqual([
			{ name: 'p_filter', type: 'jsonb', required: true }
		]);
		const projects = api.tables.find((t) => t.name === 'projects')!;
		expect(projects.columns.find((c) => c.name === 'service_code')?.references).toBe('mop_services.code');
	});
});
