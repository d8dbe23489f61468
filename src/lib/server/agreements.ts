import type { SupabaseClient, User } from '@supabase/supabase-js';
import { error, fail } from '@sveltejs/kit';
import { costByRegion } from '$lib/agreements/costs';
import type { AgreementInput, CommitmentInput } from '$lib/agreements/form-schemas';
import type { Database } from '$lib/database.types';
import { describeDataError, failOnDataError, type SupabaseErrorLike } from '$lib/errors';
import { translate, type Language } from '$lib/i18n';
import { isRegionCode } from '$lib/territory/order';
import { loadMembership } from './publications';

// The agreements workspace: who may write, what the forms offer, saving through the database's
// save_agreement/save_commitment (one transaction each, under the caller's RLS), and what the
// cronograma, costs and articulation views of a region read. RLS decides every write; what this
// module knows about roles only decides which controls a page shows.

type Client = SupabaseClient<Database>;
type Enums = Database['public']['Enums'];

export interface Membership {
	role: Enums['app_role'];
	region_code: string | null;
}

/** The caller's membership (none when signed out), read the one way the app reads it. */
export async function callerMembership(
	supabase: Client,
	user: User | null,
	lang: Language
): Promise<Membership | null> {
	return user ? loadMembership(supabase, user.id, lang) : null;
}

/** The region a per-region page opens on: a regional role's own (as /cambios does), else the first. */
export function homeRegion(membership: Membership | null, regions: { code: string }[]): string {
	return membership?.region_code ?? regions[0]?.code ?? '';
}

/** Whether the page offers to write an agreement of this region (null: national). */
export function writesAgreementsOf(membership: Membership | null, region: string | null): boolean {
	if (membership?.role === 'admin') return true;
	return membership?.role === 'secretariat' && region !== null && membership.region_code === region;
}

/** The region a new agreement gets when the caller does not choose (the secretariat's own). */
export function requireWriter(membership: Membership | null, lang: Language): Membership {
	if (membership?.role === 'admin' || membership?.role === 'secretariat') return membership;
	error(403, translate(lang, 'workspace.forbidden'));
}

/** What the agreement and commitment forms offer for a region: its own and national bodies and comunas. */
export async function loadFormOptions(supabase: Client, region: string | null, lang: Language) {
	let institutions = supabase
		.from('institutions')
		.select('id,name,acronym,kind,region_code')
		.order('level')
		.order('name');
	institutions = region ? institutions.or(`region_code.is.null,region_code.eq.${region}`) : institutions;
	const communes = region
		? supabase.from('communes').select('code,name').eq('region_code', region).order('name')
		: supabase.from('communes').select('code,name').order('name');
	const [inst, comm, themes] = await Promise.all([
		institutions,
		communes,
		supabase.from('themes').select('code,name').order('sort_order')
	]);
	failOnDataError(inst, lang, 'loadFormOptions.institutions');
	failOnDataError(comm, lang, 'loadFormOptions.communes');
	failOnDataError(themes, lang, 'loadFormOptions.themes');
	return { institutions: inst.data ?? [], communes: comm.data ?? [], themes: themes.data ?? [] };
}

/** A refused write as the form shows it: the database's reason in the reader's language. */
export function writeFailure<V>(dataError: SupabaseErrorLike, status: number, lang: Language, values: V) {
	const failure = describeDataError(dataError, status);
	if (failure.status >= 500) console.error('[agreements] write failed:', dataError);
	return fail(failure.status, {
		values,
		errors: {},
		message: translate(lang, failure.key)
	});
}

export async function saveAgreement(supabase: Client, id: number | null, input: AgreementInput) {
	return supabase.rpc('save_agreement', {
		p_id: id as number,
		p_kind: input.kind,
		p_title: input.title,
		p_problem: input.problem,
		p_signed_on: input.signed_on,
		p_ends_on: input.ends_on as string,
		p_region_code: input.region_code as string,
		p_parties: input.parties,
		p_communes: input.communes
	});
}

export async function saveCommitment(
	supabase: Client,
	agreementId: number,
	id: number | null,
	input: CommitmentInput
) {
	return supabase.rpc('save_commitment', {
		p_id: id as number,
		p_agreement_id: agreementId,
		p_title: input.title,
		p_responsible_institution_id: input.responsible_institution_id,
		p_theme_code: input.theme_code,
		p_due_on: input.due_on,
		p_estimated_cost_clp: input.estimated_cost_clp as number,
		p_communes: input.communes,
		p_projects: input.projects
	});
}

/**
 * Deletes a commitment of the agreement; RLS hides another region's (nothing deleted: null), the
 * database refuses one with reported progress (commitments_delete_without_progress).
 */
export async function deleteCommitment(supabase: Client, agreementId: number, id: number) {
	return supabase
		.from('commitments')
		.delete()
		.eq('id', id)
		.eq('agreement_id', agreementId)
		.select('id,title')
		.maybeSingle();
}

export function parseId(value: string | null | undefined): number | null {
	return value && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

const COMMITMENT_COLUMNS =
	'id,agreement_id,title,status,progress,due_on,created_at,overdue,estimated_cost_clp,theme_code,region_code,' +
	'responsible:institutions!commitments_responsible_institution_id_fkey(id,name,acronym)';

export interface WorkspaceCommitment {
	id: number;
	agreement_id: number;
	title: string;
	status: Enums['commitment_status'];
	progress: number;
	due_on: string;
	created_at: string;
	overdue: boolean;
	estimated_cost_clp: number | null;
	theme_code: string;
	region_code: string | null;
	responsible: { id: number; name: string; acronym: string | null } | null;
}

/** The cronograma's pseudo-region of national commitments that concern no comuna. */
export const NATIONAL = 'nacional';

/** A commitment as a region's views show it; a national agreement's counts its regional part. */
export interface RegionCommitment extends WorkspaceCommitment {
	/** Of a national agreement: labelled as such on the region's views. */
	national: boolean;
	/** The whole estimate; `estimated_cost_clp` is the part that counts here (docs/DATA.md). */
	full_cost_clp: number | null;
}

/** The embeds that place a national commitment: its comunas in the region, and all of them. */
export const NATIONAL_IN_REGION =
	'in_region:commitment_communes!inner(commune_code),all_communes:commitment_communes(commune_code)';

/**
 * What of a national commitment's estimate counts in `region` (null: no estimate): its share by
 * comunas (costByRegion), or the whole for the "nacional" pseudo-region (no comunas).
 */
export function regionalPart(
	cost: number | null,
	communeCodes: readonly string[],
	region: string
): number | null {
	if (cost === null) return null;
	if (region === NATIONAL) return communeCodes.length === 0 ? cost : 0;
	return costByRegion(cost, communeCodes).get(region) ?? 0;
}

/**
 * A region's agreements with their commitments, and the commitments of national agreements that
 * concern comunas of the region (with the region's part of their cost). For NATIONAL: the
 * national commitments that concern no comuna.
 */
export async function loadRegionAgreements(supabase: Client, region: string, lang: Language) {
	const national = region === NATIONAL;
	if (!national && !isRegionCode(region)) error(404, translate(lang, 'region.notFound', { code: region }));
	const nationalCommitments = national
		? supabase
				.from('commitments_with_status')
				.select(`${COMMITMENT_COLUMNS},all_communes:commitment_communes(commune_code)`)
				.is('region_code', null)
				.is('all_communes', null)
		: supabase
				.from('commitments_with_status')
				.select(`${COMMITMENT_COLUMNS},${NATIONAL_IN_REGION}`)
				.is('region_code', null)
				.like('in_region.commune_code', `${region}%`);
	const [regionRow, agreements, commitments, nationals, themes] = await Promise.all([
		national
			? Promise.resolve({ data: null, error: null })
			: supabase.from('regions').select('code,name,roman').eq('code', region).maybeSingle(),
		supabase
			.from('agreements')
			.select('id,kind,title,signed_on,ends_on,region_code')
			.or(national ? 'region_code.is.null' : `region_code.eq.${region},region_code.is.null`)
			.order('signed_on'),
		national
			? Promise.resolve({ data: [], error: null })
			: supabase
					.from('commitments_with_status')
					.select(COMMITMENT_COLUMNS)
					.eq('region_code', region)
					.order('due_on')
					.order('id'),
		nationalCommitments.order('due_on').order('id'),
		supabase.from('themes').select('code,name').order('sort_order')
	]);
	failOnDataError(regionRow, lang, 'loadRegionAgreements.region');
	failOnDataError(agreements, lang, 'loadRegionAgreements.agreements');
	failOnDataError(commitments, lang, 'loadRegionAgreements.commitments');
	failOnDataError(nationals, lang, 'loadRegionAgreements.nationals');
	failOnDataError(themes, lang, 'loadRegionAgreements.themes');
	if (!national && !regionRow.data) error(404, translate(lang, 'region.notFound', { code: region }));
	const own = ((commitments.data ?? []) as unknown as WorkspaceCommitment[]).map((c) => ({
		...c,
		national: false,
		full_cost_clp: c.estimated_cost_clp
	}));
	const placed = (
		(nationals.data ?? []) as unknown as (WorkspaceCommitment & {
			all_communes: { commune_code: string }[];
			in_region?: unknown;
		})[]
	).map(({ all_communes, in_region: _inRegion, ...c }) => ({
		...c,
		national: true,
		full_cost_clp: c.estimated_cost_clp,
		estimated_cost_clp: regionalPart(
			c.estimated_cost_clp,
			all_communes.map((link) => link.commune_code),
			region
		)
	}));
	const shown = new Set(placed.map((c) => c.agreement_id));
	return {
		region: regionRow.data ?? { code: NATIONAL, name: translate(lang, 'cronograma.national'), roman: '' },
		national,
		// The region's own agreements, and the national ones with a commitment shown here.
		agreements: (agreements.data ?? []).filter((a) => a.region_code !== null || shown.has(a.id)),
		commitments: [...own, ...placed] as RegionCommitment[],
		themes: themes.data ?? []
	};
}

/** Parties of a region's agreements and the comunas any of its agreements cover, for 1.2. */
export async function loadArticulation(
	supabase: Client,
	region: string,
	agreementIds: number[],
	lang: Language
) {
	const [parties, communes, agreementCommunes, commitmentCommunes] = await Promise.all([
		supabase
			.from('agreement_parties')
			.select('agreement_id,role,institution:institutions(id,name,acronym,kind)')
			.in('agreement_id', agreementIds),
		supabase.from('communes').select('code,name').eq('region_code', region).order('name'),
		supabase.from('agreement_communes').select('commune_code').like('commune_code', `${region}%`),
		supabase.from('commitment_communes').select('commune_code').like('commune_code', `${region}%`)
	]);
	failOnDataError(parties, lang, 'loadArticulation.parties');
	failOnDataError(communes, lang, 'loadArticulation.communes');
	failOnDataError(agreementCommunes, lang, 'loadArticulation.agreementCommunes');
	failOnDataError(commitmentCommunes, lang, 'loadArticulation.commitmentCommunes');
	const covered = new Set([
		...(agreementCommunes.data ?? []).map((c) => c.commune_code),
		...(commitmentCommunes.data ?? []).map((c) => c.commune_code)
	]);
	return { parties: parties.data ?? [], communes: communes.data ?? [], covered: [...covered].sort() };
}
