import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KNOWN_SOURCE, loadSource, sha256, sourcePath } from './source.ts';

let workspace: string;
let repoRoot: string;

beforeEach(async () => {
	workspace = await mkdtemp(join(tmpdir(), 'territory-source-'));
	repoRoot = join(workspace, 'repo');
	await mkdir(repoRoot);
});
afterEach(() => rm(workspace, { recursive: true, force: true }));

describe('loadSource', () => {
	it('reads GEO_SOURCE whatever its checksum: it is judged by the code-list validation', async () => {
		const path = join(workspace, 'other.geojson');
		await writeFile(path, '{"type":"FeatureCollection","features":[]}');
		const source = await loadSource({ repoRoot, env: { GEO_SOURCE: path } });
		expect(source.origin).toBe('GEO_SOURCE');
		expect(source.sha256).toBe(sha256('{"type":"FeatureCollection","features":[]}'));
	});

	it('fails when GEO_SOURCE points nowhere instead of silently using another file', async () => {
		await expect(loadSource({ repoRoot, env: { GEO_SOURCE: join(workspace, 'missing.geojson') } })).rejects.toThrow(
			/GEO_SOURCE does not exist/
		);
	});

	it("reads the repository's copy without GEO_SOURCE and checks its documented checksum", async () => {
		const copy = join(repoRoot, KNOWN_SOURCE.path);
		expect(await sourcePath(repoRoot, {})).toEqual({ origin: 'repository', path: copy });
		await mkdir(dirname(copy), { recursive: true });
		await writeFile(copy, 'tampered');
		await expect(loadSource({ repoRoot, env: {} })).rejects.toThrow(
			new RegExp(`sha256 ${sha256('tampered')}, expected ${KNOWN_SOURCE.sha256}`)
		);
	});

	it('names the missing file when the repository has no copy', async () => {
		await expect(loadSource({ repoRoot, env: {} })).rejects.toThrow(/Cannot read the boundary source .*comunas-bcn\.geojson \(repository\)/);
	});

	it("this checkout's copy is the documented file", async () => {
		const source = await loadSource({ repoRoot: resolve(import.meta.dirname, '../../..'), env: {} });
		expect(source).toMatchObject({ origin: 'repository', sha256: KNOWN_SOURCE.sha256 });
	});
});
