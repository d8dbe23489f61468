import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { failOnDataError } from '$lib/errors';
import type { Language } from '$lib/i18n';
import type { CouncilSession, CouncilSessionInput } from '$lib/pmg/council-sessions';

// The Regional Council's recorded sessions, read and written as the caller (RLS decides the region).

type Client = SupabaseClient<Database>;

const COLUMNS = 'id,region_code,held_on,kind,place,notes';

/** A region's sessions, the latest first. */
export async function listCouncilSessions(
	supabase: Client,
	regionCode: string,
	lang: Language
): Promise<CouncilSession[]> {
	const result = await supabase
		.from('council_sessions')
		.select(COLUMNS)
		.eq('region_code', regionCode)
		.order('held_on', { ascending: false })
		.order('kind');
	failOnDataError(result, lang, 'listCouncilSessions');
	return result.data ?? [];
}

/** Sessions by id, as far as the caller may read them (others are simply absent). */
export async function councilSessionsById(
	supabase: Client,
	ids: number[],
	lang: Language
): Promise<Map<number, CouncilSession>> {
	if (ids.length === 0) return new Map();
	const result = await supabase.from('council_sessions').select(COLUMNS).in('id', ids);
	failOnDataError(result, lang, 'councilSessionsById');
	return new Map((result.data ?? []).map((session) => [session.id, session]));
}

export function recordCouncilSession(supabase: Client, regionCode: string, input: CouncilSessionInput) {
	return supabase.from('council_sessions').insert({ region_code: regionCode, ...input });
}

/** Changes one session; `count` is 0 when the caller may not edit it (RLS hides it). */
export function updateCouncilSession(supabase: Client, id: number, input: CouncilSessionInput) {
	return supabase.from('council_sessions').update(input, { count: 'exact' }).eq('id', id);
}

export function deleteCouncilSession(supabase: Client, id: number) {
	return supabase.from('council_sessions').delete({ count: 'exact' }).eq('id', id);
}
