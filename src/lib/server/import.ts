import { createHash } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from '$lib/database.types';
import type { ImportReference } from '$lib/import/reference';
import type { DatabaseOutcome, ImportSink } from '$lib/import/run';
import type { ImportRow } from '$lib/import/validate';

// The web side of the import: reference lists and the caller's reach read under its own JWT, and
// the rows sent to public.import_projects in one call, so the preview and the commit are each one
// transaction under the database's own rules.

type Client = SupabaseClient<Database>;

export interface Importer {
	role: 'admin' | 'secretariat';
	region: string | null;
}

/** The caller as an importer, or null when its membership does not allow importing. */
export async function importerOf(supabase: Client, userId: string): Promise<Importer | null> {
	const { data, error } = await supabase
		.from('memberships')
		.select('role,region_code')
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw new Error(`memberships failed: ${error.message}`);
	if (data?.role === 'admin') return { role: 'admin', region: null };
	if (data?.role === 'secretariat' && data.region_code)
		return { role: 'secretariat', region: data.region_code };
	return null;
}

export async function importReference(supabase: Client): Promise<ImportReference> {
	const [services, communes, regions] = await Promise.all([
		supabase.from('mop_services').select('code,name,acronym'),
		supabase.from('communes').select('code,name,region_code').order('code').limit(5000),
		supabase.from('regions').select('code,name')
	]);
	const failed = services.error ?? communes.error ?? regions.error;
	if (failed) throw new Error(`import reference failed: ${failed.message}`);
	return { services: services.data ?? [], communes: communes.data ?? [], regions: regions.data ?? [] };
}

/** Rows gathered for one call of public.import_projects (the web's files are bounded by LIMITS). */
export function apiSink(supabase: Client): ImportSink {
	const rows: ImportRow[] = [];
	return {
		add(batch) {
			rows.push(...batch);
			return Promise.resolve();
		},
		async finish(commit) {
			if (rows.length === 0)
				return { new: 0, updated: 0, unchanged: 0, rejected: 0, committed: commit, rejections: [] };
			const { data, error } = await supabase.rpc('import_projects', {
				p_rows: rows as unknown as Json,
				p_commit: commit
			});
			if (error) throw new Error(`import_projects failed: ${error.message}`);
			return data as unknown as DatabaseOutcome;
		}
	};
}

/** What the preview was made of: the commit must be of the same file under the same mapping. */
export function importFingerprint(bytes: Uint8Array, mapping: unknown): string {
	return createHash('sha256').update(bytes).update(JSON.stringify(mapping)).digest('hex');
}
