import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** The comunal division published by the BCN, as described in ../shared/geo/SOURCE.md. */
export const KNOWN_SOURCE = {
	fileName: 'comunas-bcn.geojson',
	url: 'https://raw.githubusercontent.com/fcortes/Chile-GeoJSON/76a5c884ce0adf68c483785e72873ff8692c97db/comunas.geojson',
	sha256: 'd46e98ccc5aca37bdb7b7c73da0eb9dc453822f7aac4a7fa0ed9246fb6b68bd4'
} as const;

/** Where the bytes came from; written to the manifest without machine-specific paths. */
export type SourceOrigin = 'GEO_SOURCE' | 'shared' | 'download';

export interface LoadedSource {
	origin: SourceOrigin;
	location: string; // a path or the download address, for messages only
	bytes: Buffer;
	sha256: string;
}

export function sha256(data: string | Uint8Array): string {
	return createHash('sha256').update(data).digest('hex');
}

/** The shared offline copy, next to the checkout: <repo>/../shared/geo/comunas-bcn.geojson. */
export function sharedSourcePath(repoRoot: string): string {
	return resolve(repoRoot, '..', 'shared', 'geo', KNOWN_SOURCE.fileName);
}

async function exists(path: string): Promise<boolean> {
	return access(path).then(
		() => true,
		() => false
	);
}

/**
 * The local file the pipeline would read (GEO_SOURCE, else the shared copy), or null when it
 * would have to download. GEO_SOURCE must exist when set: a typo must not silently fall back.
 */
export async function localSourcePath(
	repoRoot: string,
	env: NodeJS.ProcessEnv = process.env
): Promise<{ origin: SourceOrigin; path: string } | null> {
	if (env.GEO_SOURCE) {
		const path = resolve(env.GEO_SOURCE);
		if (!(await exists(path))) throw new Error(`GEO_SOURCE does not exist: ${path}`);
		return { origin: 'GEO_SOURCE', path };
	}
	const shared = sharedSourcePath(repoRoot);
	return (await exists(shared)) ? { origin: 'shared', path: shared } : null;
}

function assertKnownChecksum(origin: SourceOrigin, location: string, digest: string) {
	if (digest !== KNOWN_SOURCE.sha256) {
		throw new Error(
			`The boundary source at ${location} (${origin}) has sha256 ${digest}, ` +
				`expected ${KNOWN_SOURCE.sha256}. The file is damaged or not the documented one.`
		);
	}
}

export async function loadSource(options: {
	repoRoot: string;
	env?: NodeJS.ProcessEnv;
	fetch?: typeof fetch;
}): Promise<LoadedSource> {
	const local = await localSourcePath(options.repoRoot, options.env);
	if (local) {
		const bytes = await readFile(local.path);
		const digest = sha256(bytes);
		// A GEO_SOURCE override may be another edition of the boundaries; it is then judged only by
		// the code-list validation. The shared copy is the documented file and must match it.
		if (local.origin === 'shared') assertKnownChecksum(local.origin, local.path, digest);
		return { origin: local.origin, location: local.path, bytes, sha256: digest };
	}

	const doFetch = options.fetch ?? fetch;
	let response: Response;
	try {
		response = await doFetch(KNOWN_SOURCE.url);
	} catch (error) {
		throw new Error(
			`No local boundary source (set GEO_SOURCE or place ${KNOWN_SOURCE.fileName} in ../shared/geo/) ` +
				`and the download failed: ${(error as Error).message}`,
			{ cause: error }
		);
	}
	if (!response.ok) {
		throw new Error(`Downloading ${KNOWN_SOURCE.url} failed: HTTP ${response.status}`);
	}
	const bytes = Buffer.from(await response.arrayBuffer());
	const digest = sha256(bytes);
	assertKnownChecksum('download', KNOWN_SOURCE.url, digest);
	return { origin: 'download', location: KNOWN_SOURCE.url, bytes, sha256: digest };
}
