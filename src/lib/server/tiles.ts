import { createHash } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { RpcFilter } from '$lib/filters/filter';

// Project vector tiles for the map (public.project_tile), cached so that an unchanged tile is never
// recomputed:
// - the ETag hashes the data version (public.data_version, bumped by every write the map shows),
//   the date in Chile ("delayed" moves with the calendar), the tile, the filter and who asks;
//   a matching If-None-Match is answered 304 without building the tile;
// - anonymous tiles are the same for every anonymous visitor, so the server keeps the latest ones
//   in memory (an LRU keyed by the ETag) and browsers/proxies may keep them a minute;
// - a signed-in user's tiles depend on their RLS scope: never shared, always revalidated.
//
// supabase-js reads every response body as text, which corrupts binary tiles, so the tile itself
// is fetched with the same URL, API key and user token supabase-js would send; the data version
// goes through supabase-js. PostgREST checks the token on both.

type Client = SupabaseClient<Database>;

export const TILE_MEDIA_TYPE = 'application/vnd.mapbox-vector-tile';

export interface TileAddress {
	z: number;
	x: number;
	y: number;
}

/** A valid z/x/y (z 0–22) from route parameters, or null. */
export function parseTileAddress(z: string, x: string, y: string): TileAddress | null {
	const numbers = [z, x, y].map((part) => (/^\d{1,7}$/.test(part) ? Number(part) : Number.NaN));
	const [zz, xx, yy] = numbers;
	if (numbers.some(Number.isNaN) || zz > 22) return null;
	const size = 2 ** zz;
	return xx < size && yy < size ? { z: zz, x: xx, y: yy } : null;
}

/** Today in Chile (YYYY-MM-DD): the day "delayed" and "overdue" are judged on. */
export function todayInChile(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago' }).format(now);
}

export function tileEtag(parts: {
	version: number;
	day: string;
	tile: TileAddress;
	filter: RpcFilter;
	viewer: string;
}): string {
	const hash = createHash('sha256')
		.update(
			JSON.stringify([
				parts.version,
				parts.day,
				parts.tile.z,
				parts.tile.x,
				parts.tile.y,
				parts.filter,
				parts.viewer
			])
		)
		.digest('base64url')
		.slice(0, 32);
	return `"${hash}"`;
}

/** True when an If-None-Match header names this ETag (or is `*`). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch
		.split(',')
		.map((tag) => tag.trim().replace(/^W\//, ''))
		.some((tag) => tag === etag || tag === '*');
}

/** A small least-recently-used map bounded by total bytes. */
export class TileCache {
	#entries = new Map<string, Uint8Array>();
	#bytes = 0;
	hits = 0;
	misses = 0;

	constructor(readonly maxBytes: number) {}

	get(key: string): Uint8Array | undefined {
		const value = this.#entries.get(key);
		if (value === undefined) {
			this.misses++;
			return undefined;
		}
		this.hits++;
		this.#entries.delete(key);
		this.#entries.set(key, value);
		return value;
	}

	set(key: string, value: Uint8Array): void {
		if (value.byteLength > this.maxBytes) return;
		const previous = this.#entries.get(key);
		if (previous) {
			this.#bytes -= previous.byteLength;
			this.#entries.delete(key);
		}
		this.#entries.set(key, value);
		this.#bytes += value.byteLength;
		for (const [oldest, bytes] of this.#entries) {
			if (this.#bytes <= this.maxBytes) break;
			this.#entries.delete(oldest);
			this.#bytes -= bytes.byteLength;
		}
	}

	get size(): number {
		return this.#entries.size;
	}

	get bytes(): number {
		return this.#bytes;
	}
}

/** Anonymous tiles, shared by every request of this server process. */
export const anonymousTiles = new TileCache(64 * 1024 * 1024);

export const PUBLIC_TILE_CACHE_CONTROL = 'public, max-age=60, must-revalidate';
export const PRIVATE_TILE_CACHE_CONTROL = 'private, no-cache';

export interface TileContext {
	supabase: Client;
	/** PUBLIC_SUPABASE_URL and the anon key, as supabase-js was given them. */
	url: string;
	anonKey: string;
	/** The signed-in user's access token and id (already vouched for by the Auth server), if any. */
	session: { accessToken: string; userId: string } | null;
	cache?: TileCache;
}

export interface TileResult {
	status: 200 | 304;
	body: Uint8Array | null;
	headers: Record<string, string>;
	/** How the body was obtained, for logs and the benchmark. */
	source: 'not-modified' | 'memory' | 'database';
}

export class TileError extends Error {
	constructor(
		message: string,
		readonly status: number
	) {
		super(message);
		this.name = 'TileError';
	}
}

export async function projectTile(
	context: TileContext,
	tile: TileAddress,
	filter: RpcFilter,
	ifNoneMatch: string | null
): Promise<TileResult> {
	const version = await context.supabase.rpc('data_version');
	if (version.error || version.data === null) {
		throw new TileError(
			`data_version failed: ${version.error?.message ?? 'no value'}`,
			version.status || 500
		);
	}
	const viewer = context.session ? `user:${context.session.userId}` : 'anon';
	const etag = tileEtag({ version: version.data, day: todayInChile(), tile, filter, viewer });
	const headers: Record<string, string> = {
		etag,
		'cache-control': context.session ? PRIVATE_TILE_CACHE_CONTROL : PUBLIC_TILE_CACHE_CONTROL,
		vary: 'Cookie'
	};
	if (etagMatches(ifNoneMatch, etag)) return { status: 304, body: null, headers, source: 'not-modified' };

	headers['content-type'] = TILE_MEDIA_TYPE;
	const cache = context.session ? undefined : (context.cache ?? anonymousTiles);
	const cached = cache?.get(etag);
	if (cached) return { status: 200, body: cached, headers, source: 'memory' };

	const response = await fetch(`${context.url}/rest/v1/rpc/project_tile`, {
		method: 'POST',
		headers: {
			apikey: context.anonKey,
			authorization: `Bearer ${context.session?.accessToken ?? context.anonKey}`,
			'content-type': 'application/json',
			accept: TILE_MEDIA_TYPE
		},
		body: JSON.stringify({ ...tile, p_filter: filter })
	});
	if (!response.ok) {
		throw new TileError(
			`project_tile failed (${response.status}): ${await response.text()}`,
			response.status
		);
	}
	const body = new Uint8Array(await response.arrayBuffer());
	cache?.set(etag, body);
	return { status: 200, body, headers, source: 'database' };
}
