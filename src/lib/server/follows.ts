import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { failOnDataError } from '$lib/errors';
import type { Language } from '$lib/i18n';
import { addDays } from './flows';
import { listRegions } from './territory';
import { todayInChile } from './tiles';

type Client = SupabaseClient<Database>;
export type FollowKind = Database['public']['Enums']['follow_kind'];

/** How far back "lo que sigo" lists changes. */
export const CHANGES_DAYS = 30;

export async function loadFollowing(supabase: Client, lang: Language) {
	const since = `${addDays(todayInChile(), -CHANGES_DAYS)}T00:00:00Z`;
	const [follows, settings, changes, regions] = await Promise.all([
		supabase
			.from('follows')
			.select(
				'id,kind,project:projects(id,name),agreement:agreements(id,title),commune:communes(code,name),region:regions(code,name)'
			)
			.order('created_at', { ascending: false }),
		supabase.from('digest_settings').select('frequency,last_sent_at').maybeSingle(),
		supabase.rpc('my_followed_changes', { since }),
		listRegions(supabase, lang)
	]);
	failOnDataError(follows, lang, 'loadFollowing.follows');
	failOnDataError(settings, lang, 'loadFollowing.settings');
	failOnDataError(changes, lang, 'loadFollowing.changes');
	return {
		follows: follows.data ?? [],
		frequency: settings.data?.frequency ?? null,
		changes: changes.data ?? [],
		regions
	};
}

type FollowInsert = Database['public']['Tables']['follows']['Insert'];

/** The row a follow of `kind` inserts: its target in the column that kind names. */
export function followRow(
	follow: { kind: 'project' | 'agreement'; target: number } | { kind: 'commune' | 'region'; target: string }
): FollowInsert {
	switch (follow.kind) {
		case 'project':
			return { kind: 'project', project_id: follow.target };
		case 'agreement':
			return { kind: 'agreement', agreement_id: follow.target };
		case 'commune':
			return { kind: 'commune', commune_code: follow.target };
		case 'region':
			return { kind: 'region', region_code: follow.target };
	}
}
