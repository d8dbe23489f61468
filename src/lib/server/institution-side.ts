import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { failOnDataError } from '$lib/errors';
import type { Language } from '$lib/i18n';

type Client = SupabaseClient<Database>;

/**
 * The side of a territorial body (a delegación presidencial provincial, a municipalidad): the
 * agreements it is a party to and the commitments it is responsible for. Deliveries addressed to
 * it are the publishing desk's (RLS shows them only to their recipients and the secretariat).
 */
export async function loadInstitutionSide(
	supabase: Client,
	where:
		| { kind: 'provincial_delegation'; provinceCode: string }
		| { kind: 'municipality'; communeCode: string },
	lang: Language
) {
	let query = supabase.from('institutions').select('id,name').eq('kind', where.kind);
	query =
		where.kind === 'municipality'
			? query.eq('commune_code', where.communeCode)
			: query.eq('province_code', where.provinceCode);
	const institution = await query.limit(1).maybeSingle();
	failOnDataError(institution, lang, 'loadInstitutionSide');
	if (!institution.data) return { institution: null, agreements: [], commitments: [] };
	const id = institution.data.id;
	const [parties, commitments] = await Promise.all([
		supabase
			.from('agreement_parties')
			.select('role,agreement:agreements(id,title,kind,signed_on)')
			.eq('institution_id', id),
		supabase
			.from('commitments_with_status')
			.select('id,title,status,progress,due_on,overdue,agreement_id')
			.eq('responsible_institution_id', id)
			.order('due_on')
	]);
	failOnDataError(parties, lang, 'loadInstitutionSide.parties');
	failOnDataError(commitments, lang, 'loadInstitutionSide.commitments');
	return {
		institution: institution.data,
		agreements: (parties.data ?? []).flatMap((p) =>
			p.agreement ? [{ ...p.agreement, role: p.role }] : []
		),
		commitments: commitments.data ?? []
	};
}
