import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { Loaded } from './dashboard';

// Reads of the data-quality flags (migration 20261201060100_quality_flags) through the request's
// own client: the flags are as public as the projects, and RLS decides what they count.

type Client = SupabaseClient<Database>;
export type QualityFlag = Database['public']['Enums']['quality_flag'];

export interface ProjectFlag {
	flag: QualityFlag;
	/** What the rule measured: the codes of a repeated BIP number, the distance, the median… */
	detail: Record<string, unknown> | null;
}

export interface QualityCount {
	/** null: the whole country (each project counted once). */
	region_code: string | null;
	flag: QualityFlag;
	items: number;
}

export interface UnlocatedCommitment {
	commitment_id: number;
	title: string;
	due_on: string;
	agreement_id: number;
	agreements: { title: string; region_code: string | null } | null;
}

export async function loadProjectFlags(supabase: Client, projectId: number): Promise<Loaded<ProjectFlag[]>> {
	const { data, error, status } = await supabase
		.from('project_quality_flags')
		.select('flag,detail')
		.eq('project_id', projectId)
		.order('flag');
	return { data: (data as ProjectFlag[] | null) ?? null, error, status };
}

export async function loadQualitySummary(supabase: Client): Promise<Loaded<QualityCount[]>> {
	const { data, error, status } = await supabase.rpc('quality_summary');
	return { data: data ?? null, error, status };
}

/** The commitments with neither project nor comuna, of a region's agreements or all, by due date. */
export async function listUnlocatedCommitments(
	supabase: Client,
	region: string | null,
	limit: number
): Promise<Loaded<UnlocatedCommitment[]>> {
	let query = supabase
		.from('commitment_quality_flags')
		.select('commitment_id,title,due_on,agreement_id,agreements!inner(title,region_code)')
		.order('due_on')
		.order('commitment_id')
		.limit(limit);
	if (region) query = query.eq('agreements.region_code', region);
	const { data, error, status } = await query;
	return { data: (data as unknown as UnlocatedCommitment[] | null) ?? null, error, status };
}
