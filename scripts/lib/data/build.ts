import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { CODE_LIST_FILES, codeListProblems, readCodeList, type CodeList } from './code-list.ts';
import { buildCoverage, type CoverageStats } from './coverage.ts';
import { buildMapFiles } from './map-files.ts';
import { timed, type OnProgress } from './progress.ts';
import { KNOWN_SOURCE, loadSource, sha256, sourcePath, type SourceOrigin } from './source.ts';
import { assertNoSpikes, type NamedShape } from './spikes.ts';
import { featuresOf, territoryTopology, type TerritoryTopology } from './topology.ts';
import { splitSource, UNDEMARCATED_AREA_NAME } from './validate.ts';

export const DEFAULT_REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');

export function territoryPaths(repoRoot = DEFAULT_REPO_ROOT) {
	return {
		codeList: join(repoRoot, 'data', 'territory'),
		build: join(repoRoot, 'data', 'build'),
		topology: join(repoRoot, 'data', 'build', 'territorio.topo.json'),
		manifest: join(repoRoot, 'data', 'build', 'manifest.json'),
		staticGeo: join(repoRoot, 'static', 'geo')
	};
}

export interface OutputRecord {
	bytes: number;
	sha256: string;
}

export interface TerritoryManifest {
	pipeline: { sha256: string };
	source: { origin: SourceOrigin; sha256: string; documented: boolean };
	codeList: { sha256: string };
	counts: {
		regions: number;
		provinces: number;
		communes: number;
		communesWithPolygon: number;
		undemarcatedAreas: number;
	};
	coverage: CoverageStats;
	/** Paths relative to the repository root. */
	outputs: Record<string, OutputRecord>;
}

export interface BuildOptions {
	repoRoot?: string;
	env?: NodeJS.ProcessEnv;
	onProgress?: OnProgress;
}

export interface BuildResult {
	manifest: TerritoryManifest;
	topology: TerritoryTopology;
}

/** Hash of the pipeline's own code: a change in how outputs are made makes them out of date. */
async function pipelineSha256(): Promise<string> {
	const directory = import.meta.dirname;
	// Recursive: the coverage's steps live in coverage/; tests and their helpers (testing/) make nothing.
	const files = (await readdir(directory, { recursive: true }))
		.filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.startsWith('testing'))
		.sort();
	const parts = await Promise.all(files.map(async (f) => `${f}\n${await readFile(join(directory, f), 'utf8')}`));
	return sha256(parts.join('\n'));
}

function codeListSha256(texts: string[]): string {
	return sha256(CODE_LIST_FILES.map((file, i) => `${file}\n${texts[i]}`).join('\n'));
}

/** Numbers in the manifest rounded, so that float noise cannot make it differ between runs. */
function roundedStats(stats: CoverageStats): CoverageStats {
	return JSON.parse(JSON.stringify(stats, (_, value) => (typeof value === 'number' ? Number(value.toFixed(3)) : value)));
}

async function readCheckedCodeList(directory: string): Promise<{ list: CodeList; texts: string[] }> {
	const result = await readCodeList(directory);
	const problems = codeListProblems(result.list);
	if (problems.length) {
		throw new Error(`The code list in ${directory} is inconsistent:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
	}
	return result;
}

/** Builds every territory artefact from the boundary source and the code list. */
export async function buildTerritory(options: BuildOptions = {}): Promise<BuildResult> {
	const repoRoot = options.repoRoot ?? DEFAULT_REPO_ROOT;
	const paths = territoryPaths(repoRoot);
	const progress = options.onProgress;

	const { list, texts } = await timed(progress, 'Leer lista de códigos', () => readCheckedCodeList(paths.codeList), (r) =>
		`${r.list.regions.length} regiones, ${r.list.provinces.length} provincias, ${r.list.communes.length} comunas`
	);
	const source = await timed(
		progress,
		'Leer fuente de límites',
		() => loadSource({ repoRoot, env: options.env }),
		(s) => `${s.origin}: ${s.path}`
	);
	const collection = JSON.parse(source.bytes.toString('utf8')) as FeatureCollection;
	if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
		throw new Error(`The boundary source ${source.path} is not a GeoJSON FeatureCollection`);
	}
	const split = await timed(
		progress,
		'Validar contra la lista de códigos',
		() => splitSource(collection.features, list),
		(s) => `${s.communes.size} comunas con polígono, ${s.undemarcated.length} zona(s) sin demarcar`
	);

	const coverage = await timed(
		progress,
		'Limpiar cobertura (traslapes y vacíos entre comunas)',
		() =>
			buildCoverage([
				...[...split.communes].map(([key, geometry]) => ({ key, geometry })),
				...split.undemarcated.map((geometry, i) => ({ key: `zone:${i}`, geometry, yields: true }))
			]),
		(r) =>
			`${r.stats.overlapFaces} traslapes (${r.stats.overlapKm2.toFixed(0)} km²), ` +
			`${r.stats.gapFaces} vacíos rellenados (${r.stats.gapKm2.toFixed(0)} km²)`
	);
	const lost = [...split.communes.keys()].filter((code) => !coverage.areas.has(code));
	if (lost.length) throw new Error(`Coverage cleaning left these comunas without area: ${lost.join(', ')}`);

	const undemarcated = split.undemarcated
		.map((_, i) => coverage.areas.get(`zone:${i}`))
		.filter((coordinates) => coordinates !== undefined)
		.map((coordinates) => ({ name: UNDEMARCATED_AREA_NAME, coordinates }));
	const topology = await timed(progress, 'Construir topología (comunas → provincias → regiones)', () =>
		territoryTopology(list, new Map([...coverage.areas].filter(([key]) => !key.startsWith('zone:'))), undemarcated)
	);
	const mapFiles = await timed(
		progress,
		'Simplificar y generar archivos del mapa',
		() => buildMapFiles({ list, full: topology }),
		(files) => `${files.length} archivos`
	);
	await timed(
		progress,
		'Comprobar que no queden puntas (spikes)',
		() => assertNoSpikes([...topologyShapes(topology), ...mapFileShapes(mapFiles)]),
		() => 'ninguna'
	);

	const outputs: Record<string, OutputRecord> = {};
	await timed(progress, 'Escribir archivos', async () => {
		const write = async (path: string, content: string) => {
			await mkdir(dirname(path), { recursive: true });
			await writeFile(path, content);
			outputs[relative(repoRoot, path).split('\\').join('/')] = {
				bytes: Buffer.byteLength(content),
				sha256: sha256(content)
			};
		};
		await write(paths.topology, JSON.stringify(topology) + '\n');
		await removeStaleMapFiles(paths.staticGeo, new Set(mapFiles.map((f) => f.path)));
		for (const file of mapFiles) await write(join(paths.staticGeo, file.path), file.content);
	});

	const manifest: TerritoryManifest = {
		pipeline: { sha256: await pipelineSha256() },
		source: { origin: source.origin, sha256: source.sha256, documented: source.sha256 === KNOWN_SOURCE.sha256 },
		codeList: { sha256: codeListSha256(texts) },
		counts: {
			regions: list.regions.length,
			provinces: list.provinces.length,
			communes: list.communes.length,
			communesWithPolygon: split.communes.size,
			undemarcatedAreas: undemarcated.length
		},
		coverage: roundedStats(coverage.stats),
		outputs: Object.fromEntries(Object.entries(outputs).sort(([a], [b]) => a.localeCompare(b)))
	};
	await writeFile(paths.manifest, JSON.stringify(manifest, null, 2) + '\n');
	return { manifest, topology };
}

/** Every polygon of the full-resolution topology, named for the spike check's message. */
function topologyShapes(topology: TerritoryTopology): NamedShape[] {
	return (['comunas', 'provincias', 'regiones', 'zonas_sin_demarcar'] as const).flatMap((key) =>
		featuresOf(topology, key)
			.filter((f) => f.geometry !== null)
			.map((f) => {
				const properties = f.properties as { code?: string; name: string };
				return { name: `territorio.topo.json: ${key} ${properties.code ?? properties.name}`, polygons: f.geometry!.coordinates };
			})
	);
}

/** Every polygon of the map files as written (rounded coordinates). */
function mapFileShapes(files: { path: string; content: string }[]): NamedShape[] {
	return files.flatMap((file) =>
		(JSON.parse(file.content) as FeatureCollection).features.flatMap((f) => {
			if (f.geometry?.type !== 'MultiPolygon' && f.geometry?.type !== 'Polygon') return [];
			const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
			const { level, code, name } = (f.properties ?? {}) as Record<string, string | undefined>;
			return [{ name: `static/geo/${file.path}: ${[level, code ?? name].filter(Boolean).join(' ')}`, polygons }];
		})
	);
}

/** static/geo/ belongs to this pipeline: drop files a previous build made that this one does not. */
async function removeStaleMapFiles(directory: string, keep: Set<string>) {
	const walk = async (sub: string): Promise<string[]> => {
		const entries = await readdir(join(directory, sub), { withFileTypes: true }).catch(() => []);
		const nested = await Promise.all(
			entries.map((entry) =>
				entry.isDirectory() ? walk(join(sub, entry.name)) : Promise.resolve([join(sub, entry.name)])
			)
		);
		return nested.flat();
	};
	for (const file of await walk('')) {
		const key = file.split('\\').join('/');
		if (key.endsWith('.geojson') && !keep.has(key)) await rm(join(directory, file));
	}
}

export async function readManifest(repoRoot = DEFAULT_REPO_ROOT): Promise<TerritoryManifest | null> {
	try {
		return JSON.parse(await readFile(territoryPaths(repoRoot).manifest, 'utf8')) as TerritoryManifest;
	} catch {
		return null;
	}
}

/**
 * True when the outputs on disk were built by this pipeline code from the current code list and
 * source, and have not been touched since: then there is nothing to rebuild.
 */
export async function territoryBuildIsCurrent(
	options: { repoRoot?: string; env?: NodeJS.ProcessEnv } = {}
): Promise<boolean> {
	const repoRoot = options.repoRoot ?? DEFAULT_REPO_ROOT;
	const manifest = await readManifest(repoRoot);
	if (!manifest?.outputs || Object.keys(manifest.outputs).length === 0) return false;
	if (manifest.pipeline?.sha256 !== (await pipelineSha256())) return false;

	const texts = await Promise.all(
		CODE_LIST_FILES.map((file) => readFile(join(territoryPaths(repoRoot).codeList, file), 'utf8'))
	).catch(() => null);
	if (!texts || manifest.codeList?.sha256 !== codeListSha256(texts)) return false;

	const source = await sourcePath(repoRoot, options.env).catch(() => null);
	const sourceBytes = source && (await readFile(source.path).catch(() => null));
	if (!sourceBytes || manifest.source?.sha256 !== sha256(sourceBytes)) return false;

	for (const [path, record] of Object.entries(manifest.outputs)) {
		const content = await readFile(join(repoRoot, path)).catch(() => null);
		if (!content || sha256(content) !== record.sha256) return false;
	}
	return true;
}

export async function readBuiltTopology(repoRoot = DEFAULT_REPO_ROOT): Promise<TerritoryTopology> {
	return JSON.parse(await readFile(territoryPaths(repoRoot).topology, 'utf8')) as TerritoryTopology;
}
