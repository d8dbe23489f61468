// Exports and data-quality flags as a client meets them (issue 11 §2–3): the OC4IDS package
// through supabase-js as an anonymous visitor, validated against the OC4IDS 0.9.5 schema; CSV
// formula neutralisation on names that try every trigger; the export CLI giving byte for byte
// what the app's export code gives; flags read and filtered through PostgREST. Fixtures are
// tagged with a run token and removed afterwards.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectsCsv, projectsOc4ids } from '$lib/server/export';
import { oc4idsPackageValidator } from '../support/oc4ids.ts';
import { testClient, type TestClient } from '../support/supabase.ts';

const run = randomUUID().slice(0, 8);
const token = `xqz${run}`;
const valparaiso = { type: 'Point', coordinates: [-71.6197, -33.0458] };
let service: TestClient;
let anon: TestClient;
const ids: number[] = [];

// Every prefix a spreadsheet reads as a formula, and a harmless one.
const names = [
	`=cmd|' /C calc'!A0 ${token}`,
	`+56 9 1234 ${token}`,
	`-2+3 ${token}`,
	`@SUM(A1) ${token}`,
	`\t=1+1 ${token}`,
	`\r=1+1 ${token}`,
	`Puente Cau Cau ${token}`
];

function must<T>(result: { data: T | null; error: { message: string } | null }): T {
	if (result.error) throw new Error(result.error.message);
	return result.data as T;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
	return new Response(stream).text();
}

/** The bytes, byte order mark included (text() drops it). */
async function bytes(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
	return Buffer.from(await new Response(stream).arrayBuffer());
}

beforeAll(async () => {
	service = testClient({ key: 'service' });
	anon = testClient();
	const rows = must(
		await service
			.from('projects')
			.insert(
				names.map((name, i) => ({
					service_code: 'vialidad',
					name,
					stage: 'execution' as const,
					status: 'in_progress' as const,
					investment_clp: 1_000_000 * (i + 1),
					start_on: '2026-01-05',
					end_on: '2026-12-20',
					// The harmless one carries a BIP code; the others are flagged for lacking one.
					bip_code:
						i === names.length - 1
							? `9${run.replace(/\D/g, '').padEnd(7, '1').slice(0, 7)}-1`
							: null,
					geom: valparaiso as never
				}))
			)
			.select('id')
	);
	ids.push(...rows.map((r) => r.id));
});

afterAll(async () => {
	if (ids.length) must(await service.from('projects').delete().in('id', ids).select('id'));
});

describe('OC4IDS export', () => {
	const validate = oc4idsPackageValidator();

	it('is a package of exactly the filtered projects that validates against OC4IDS 0.9.5', async () => {
		const text = await readAll(
			await projectsOc4ids(
				anon,
				{ q: token },
				{ uri: 'https://tablero.example/api/export/proyectos.oc4ids.json', pageSize: 3 }
			)
		);
		const parsed = JSON.parse(text) as {
			version: string;
			projects: { id: string; budget: unknown; locations: { id: string }[]; parties: unknown[] }[];
		};
		expect(validate(parsed), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
		expect(parsed.version).toBe('0.9');
		expect(parsed.projects.map((p) => p.id).sort()).toEqual(
			ids.map((id) => `tablero-territorial-${id}`).sort()
		);
		const first = parsed.projects.find((p) => p.id === `tablero-territorial-${ids[0]}`)!;
		expect(first).toMatchObject({
			status: 'implementation',
			budget: { amount: { amount: 1_000_000, currency: 'CLP' } },
			parties: [{ id: 'mop-vialidad', name: 'Dirección de Vialidad', roles: ['publicAuthority'] }],
			locations: [
				{ id: 'geometria', geometry: valparaiso },
				{ id: 'comuna-05101', gazetteer: { scheme: 'CL-CUT', identifiers: ['05101'] } }
			]
		});
	});

	it("validates for a whole region of the stack's data", async () => {
		const parsed = JSON.parse(
			await readAll(await projectsOc4ids(anon, { region: '05' }, { uri: 'https://tablero.example/x' }))
		);
		expect(parsed.projects.length).toBeGreaterThan(0);
		expect(validate(parsed), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
	});
});

describe('CSV export', () => {
	it('makes every formula trigger inert (=, +, -, @, tab, carriage return) and leaves other text alone', async () => {
		const text = await readAll(await projectsCsv(anon, { q: token }, 'es', ','));
		for (const name of names.slice(0, -1)) {
			const quoted = /[",\r\n]/.test(name) ? `"'${name.replace(/"/g, '""')}"` : `'${name}`;
			expect(text).toContain(`,${quoted},`);
		}
		expect(text).toContain(`,Puente Cau Cau ${token},`);
		expect(text).not.toContain(`,=cmd`);
	});
});

describe('npm run export', () => {
	const cli = (args: string[]) =>
		promisify(execFile)(process.execPath, ['scripts/export.ts', ...args], {
			env: process.env,
			encoding: 'buffer',
			maxBuffer: 64 * 1024 * 1024
		});

	it('writes byte for byte what the app exports (CSV and OC4IDS of a region)', async () => {
		const uri = 'https://tablero.example/api/export/proyectos.oc4ids.json?region=05';
		const [csv, oc4ids] = await Promise.all([
			cli(['--format', 'csv', '--region', '05']),
			cli(['--format', 'oc4ids', '--region', '05', '--uri', uri])
		]);
		const app = {
			csv: await bytes(await projectsCsv(anon, { region: '05' }, 'es', ',')),
			oc4ids: await bytes(await projectsOc4ids(anon, { region: '05' }, { uri }))
		};
		expect(app.csv[0]).toBe(0xef); // the byte order mark is there to compare
		expect(csv.stdout.equals(app.csv)).toBe(true);
		expect(oc4ids.stdout.equals(app.oc4ids)).toBe(true);
	});

	/** How the CLI failed: its exit code and what it told the operator. */
	const failure = (args: string[]) =>
		cli(args).then(
			() => ({ code: 0, stderr: '' }),
			(e: { code: number; stderr: Buffer }) => ({ code: e.code, stderr: e.stderr.toString() })
		);

	it('refuses a comuna outside the region and an unknown format, with the reason', async () => {
		const outside = await failure(['--format', 'csv', '--region', '05', '--comuna', '13101']);
		expect(outside.code).toBe(1);
		expect(outside.stderr).toContain('--comuna 13101 no pertenece a la región 05');
		const format = await failure(['--format', 'xlsx']);
		expect(format.code).toBe(1);
		expect(format.stderr).toContain('--format debe ser csv, geojson u oc4ids');
	});
});

describe('data-quality flags through the API', () => {
	it('are public, and the dashboard filter narrows to them', async () => {
		const flags = must(
			await anon.from('project_quality_flags').select('project_id,flag').in('project_id', ids)
		);
		expect(
			flags
				.filter((f) => f.flag === 'missing_bip')
				.map((f) => f.project_id)
				.sort()
		).toEqual(ids.slice(0, -1).sort());
		const flagged = must(
			await anon
				.rpc('filtered_projects', { p_filter: { q: token, quality: ['missing_bip'] } })
				.select('id')
		);
		expect(flagged.map((p) => p.id).sort()).toEqual(ids.slice(0, -1).sort());
	});

	it('nobody writes them', async () => {
		const signedOut = await anon
			.from('project_quality_flags')
			.insert({ project_id: ids[0], flag: 'stale' } as never);
		// 42501 (no privilege) or 55000 (a view of several tables takes no rows): refused either way.
		expect(signedOut.error?.code).toMatch(/^(42501|55000)$/);
	});
});
