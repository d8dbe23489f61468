import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * The comunal division published by the BCN, kept in the repository (data/geo/SOURCE.md says where
 * it comes from), so that a clone builds the territory offline with nothing beside it.
 */
export const KNOWN_SOURCE = {
	path: join('data', 'geo', 'comunas-bcn.geojson'),
	sha256: 'd46e98ccc5aca37bdb7b7c73da0eb9dc453822f7aac4a7fa0ed9246fb6b68bd4'
} as const;

/** Where the bytes came from; written to the manifest without machine-specific paths. */
export type SourceOrigin = 'GEO_SOURCE' | 'repository';

export interface LoadedSource {
	origin: SourceOrigin;
	path: string;
	bytes: Buffer;
	sha256: string;
}

export function sha256(data: string | Uint8Array): string {
	return createHash('sha256').update(data).digest('hex');
}

async function exists(path: string): Promise<boolean> {
	return access(path).then(
		() => true,
		() => false
	);
}

/**
 * The file the pipeline reads: GEO_SOURCE when set, else the repository's copy. GEO_SOURCE must
 * exist when set: a typo must not silently fall back to another edition.
 */
export async function sourcePath(
	repoRoot: string,
	env: NodeJS.ProcessEnv = process.env
): Promise<{ origin: SourceOrigin; path: string }> {
	if (env.GEO_SOURCE) {
		const path = resolve(env.GEO_SOURCE);
		if (!(await exists(path))) throw new Error(`GEO_SOURCE does not exist: ${path}`);
		return { origin: 'GEO_SOURCE', path };
	}
	return { origin: 'repository', path: join(repoRoot, KNOWN_SOURCE.path) };
}

export async function loadSource(options: { repoRoot: string; env?: NodeJS.ProcessEnv }): Promise<LoadedSource> {
	const { origin, path } = await sourcePath(options.repoRoot, options.env);
	const bytes = await readFile(path).catch((error: unknown) => {
		throw new Error(`Cannot read the boundary source ${path} (${origin}): ${(error as Error).message}`, {
			cause: error
		});
	});
	const digest = sha256(bytes);
	// A GEO_SOURCE override may be another edition of the boundaries; it is then judged only by the
	// code-list validation. The repository's copy is the documented file and must be exactly it.
	if (origin === 'repository' && digest !== KNOWN_SOURCE.sha256) {
		throw new Error(
			`The boundary source at ${path} has sha256 ${digest}, expected ${KNOWN_SOURCE.sha256}. ` +
				'The file is damaged or not the documented one (see data/geo/SOURCE.md).'
		);
	}
	return { origin, path, bytes, sha256: digest };
}
