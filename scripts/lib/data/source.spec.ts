import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KNOWN_SOURCE, loadSource, localSourcePath, sha256 } from './source.ts';

let workspace: string;
let repoRoot: string;

beforeEach(async () => {
	workspace = await mkdtemp(join(tmpdir(), 'territory-source-'));
	repoRoot = join(workspace, 'repo');
	await mkdir(repoRoot);
});
afterEach(() => rm(workspace, { recursive: true, force: true }));

const neverFetch = (() => {
	throw new Error('must not download');
}) as unknown as typeof fetch;

describe('loadSource', () => {
	it('reads GEO_SOURCE whatever its checksum: it is judged by the code-list validation', async () => {
		const path = join(workspace, 'other.geojson');
		await writeFile(path, '{"type":"FeatureCollection","features":[]}');
		const source = await loadSource({ repoRoot, env: { GEO_SOURCE: path }, fetch: neverFetch });
		expect(source.origin).toBe('GEO_SOURCE');
		expect(source.sha256).toBe(sha256('{"type":"FeatureCollection","features":[]}'));
	});

	it('fails when GEO_SOURCE points nowhere instead of silently using another file', async () => {
		await expect(loadSource({ repoRoot, env: { GEO_SOURCE: join(workspace, 'missing.geojson') } })).rejects.toThrow(
			/GEO_SOURCE does not exist/
		);
	});

	it('prefers the shared copy next to the checkout and checks its documented checksum', async () => {
		await mkdir(join(workspace, 'shared', 'geo'), { recursive: true });
		await writeFile(join(workspace, 'shared', 'geo', KNOWN_SOURCE.fileName), 'tampered');
		expect(await localSourcePath(repoRoot, {})).toEqual({
			origin: 'shared',
			path: join(workspace, 'shared', 'geo', KNOWN_SOURCE.fileName)
		});
		await expect(loadSource({ repoRoot, env: {}, fetch: neverFetch })).rejects.toThrow(
			new RegExp(`sha256 ${sha256('tampered')}, expected ${KNOWN_SOURCE.sha256}`)
		);
	});

	it('downloads the documented address when there is no local copy, and checks the bytes', async () => {
		const requested: string[] = [];
		const fakeFetch = (async (url: string) => {
			requested.push(url);
			return new Response('not the file');
		}) as unknown as typeof fetch;
		await expect(loadSource({ repoRoot, env: {}, fetch: fakeFetch })).rejects.toThrow(/damaged or not the documented one/);
		expect(requested).toEqual([KNOWN_SOURCE.url]);
	});

	it('explains what to do when there is no local copy and the download fails', async () => {
		const offline = (async () => {
			throw new Error('getaddrinfo ENOTFOUND');
		}) as unknown as typeof fetch;
		await expect(loadSource({ repoRoot, env: {}, fetch: offline })).rejects.toThrow(/set GEO_SOURCE.*ENOTFOUND/s);
		const notFound = (async () => new Response('', { status: 404 })) as unknown as typeof fetch;
		await expect(loadSource({ repoRoot, env: {}, fetch: notFound })).rejects.toThrow(/HTTP 404/);
	});
});
