import type { SupabaseClient } from '@supabase/supabase-js';
import { error } from '@sveltejs/kit';
import type { Database } from '$lib/database.types';
import { describeDataError, failOnDataError } from '$lib/errors';
import { translate, type Language } from '$lib/i18n';
import type { PmgEvidence } from '$lib/pmg/evidence';
import { isRegionCode } from '$lib/territory/order';

// The PMG evaluation (Etapa 4) of one year and one part — national or a region's — as the caller
// may read it, and its workflow steps. Who may write at each step is the database's (RLS and the
// workflow trigger, docs/SECURITY.md "The PMG evaluation workflow"); the page only hides buttons.

type Client = SupabaseClient<Database>;
type Role = Database['public']['Enums']['app_role'];
export type EvaluationStatus = Database['public']['Enums']['pmg_evaluation_status'];

/** The institution evaluated: the DGOP, nationally, each region drafting its part. */
export const EVALUATED_ACRONYM = 'DGOP';

export interface Caller {
	role: Role | null;
	regionCode: string | null;
}

export function parseYear(value: string, lang: Language): number {
	const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
	if (!(year >= 2000 && year <= 2100)) error(404, translate(lang, 'pmg.yearNotFound', { year: value }));
	return year;
}

export async function loadCaller(supabase: Client, userId: string, lang: Language): Promise<Caller> {
	const result = await supabase
		.from('memberships')
		.select('role,region_code')
		.eq('user_id', userId)
		.maybeSingle();
	failOnDataError(result, lang, 'pmg.loadCaller');
	return { role: result.data?.role ?? null, regionCode: result.data?.region_code ?? null };
}

/** Regional roles see their region's part; national roles pick one (`?region=`) or the national. */
export function partOf(caller: Caller, requested: string | null): string | null {
	if (caller.role === 'secretariat' || caller.role === 'gore') return caller.regionCode;
	return requested && isRegionCode(requested) ? requested : null;
}

export interface PartAbilities {
	/** Write the texts of drafts (and, for admins, of submitted ones). */
	edit: boolean;
	submit: boolean;
	finalise: boolean;
}

/** What the page offers; the database decides all the same. */
export function abilities(caller: Caller, regionCode: string | null): PartAbilities {
	if (caller.role === 'admin') return { edit: true, submit: true, finalise: true };
	const own = caller.role === 'secretariat' && regionCode !== null && caller.regionCode === regionCode;
	return { edit: own, submit: own, finalise: false };
}

async function evaluatedInstitution(supabase: Client, lang: Language) {
	const result = await supabase
		.from('institutions')
		.select('id,name,acronym')
		.eq('acronym', EVALUATED_ACRONYM)
		.eq('level', 'national')
		.maybeSingle();
	failOnDataError(result, lang, 'pmg.institution');
	if (!result.data) error(404, translate(lang, 'pmg.noInstitution', { acronym: EVALUATED_ACRONYM }));
	return result.data;
}

async function evaluationRows(
	supabase: Client,
	institutionId: number,
	year: number,
	regionCode: string | null,
	lang: Language
) {
	let query = supabase
		.from('pmg_evaluations')
		.select(
			'id,requirement_code,status,background,development,recommendations,evidence,evidence_as_of,submitted_at,finalised_at,updated_at'
		)
		.eq('institution_id', institutionId)
		.eq('year', year);
	query = regionCode ? query.eq('region_code', regionCode) : query.is('region_code', null);
	const result = await query;
	failOnDataError(result, lang, 'pmg.evaluations');
	return result.data ?? [];
}

export interface EvidenceOf {
	evidence: PmgEvidence;
	/** True when it is the snapshot frozen by finalising, false when computed now. */
	frozen: boolean;
}

/** A final evaluation's snapshot when the part has one, else computed now from the data. */
async function evidenceOf(
	supabase: Client,
	year: number,
	regionCode: string | null,
	rows: { status: EvaluationStatus; evidence: unknown; finalised_at: string | null }[],
	lang: Language
): Promise<EvidenceOf> {
	const frozen = rows
		.filter((r) => r.status === 'final' && r.evidence)
		.sort((a, b) => (b.finalised_at ?? '').localeCompare(a.finalised_at ?? ''))[0];
	if (frozen) return { evidence: frozen.evidence as PmgEvidence, frozen: true };
	const result = await supabase.rpc('pmg_evidence', {
		p_year: year,
		p_region_code: regionCode ?? undefined
	});
	failOnDataError(result, lang, 'pmg.evidence');
	return { evidence: result.data as unknown as PmgEvidence, frozen: false };
}

export async function loadEvaluation(
	supabase: Client,
	year: number,
	regionCode: string | null,
	lang: Language
) {
	const institution = await evaluatedInstitution(supabase, lang);
	const [requirements, rows, previousRows, region] = await Promise.all([
		supabase.from('pmg_requirements').select('code,name,question').order('sort_order'),
		evaluationRows(supabase, institution.id, year, regionCode, lang),
		evaluationRows(supabase, institution.id, year - 1, regionCode, lang),
		regionCode
			? supabase.from('regions').select('code,name').eq('code', regionCode).maybeSingle()
			: Promise.resolve(null)
	]);
	failOnDataError(requirements, lang, 'pmg.requirements');
	if (region) failOnDataError(region, lang, 'pmg.region');
	const [current, previous] = await Promise.all([
		evidenceOf(supabase, year, regionCode, rows, lang),
		evidenceOf(supabase, year - 1, regionCode, previousRows, lang)
	]);
	return {
		year,
		institution,
		region: region?.data ?? null,
		requirements: requirements.data ?? [],
		evaluations: Object.fromEntries(rows.map(({ evidence: _e, ...row }) => [row.requirement_code, row])),
		evidence: current,
		previousEvidence: previous
	};
}

export interface PartRef {
	institutionId: number;
	year: number;
	regionCode: string | null;
}

export async function partRef(
	supabase: Client,
	year: number,
	regionCode: string | null,
	lang: Language
): Promise<PartRef> {
	const institution = await evaluatedInstitution(supabase, lang);
	return { institutionId: institution.id, year, regionCode };
}

export interface Texts {
	background: string | null;
	development: string | null;
	recommendations: string | null;
}

/** A failed write as the message a person reads. */
export type WriteResult = { ok: true } | { ok: false; status: number; message: string };

function failure(
	result: { error: Parameters<typeof describeDataError>[0] | null; status?: number },
	lang: Language,
	context: string
): WriteResult {
	if (!result.error) return { ok: true };
	const described = describeDataError(result.error, result.status);
	if (described.key === 'db.unexpected') console.error(`[${context}] Supabase write failed:`, result.error);
	return { ok: false, status: described.status, message: translate(lang, described.key) };
}

/** Saves one requirement's texts: the first save creates the part's draft of it. */
export async function saveTexts(
	supabase: Client,
	part: PartRef,
	requirementCode: string,
	texts: Texts,
	lang: Language
): Promise<WriteResult> {
	let existing = supabase
		.from('pmg_evaluations')
		.select('id')
		.eq('institution_id', part.institutionId)
		.eq('year', part.year)
		.eq('requirement_code', requirementCode);
	existing = part.regionCode
		? existing.eq('region_code', part.regionCode)
		: existing.is('region_code', null);
	const found = await existing.maybeSingle();
	if (found.error) return failure(found, lang, 'pmg.save.find');
	if (found.data) {
		const updated = await supabase
			.from('pmg_evaluations')
			.update(texts)
			.eq('id', found.data.id)
			.select('id');
		if (updated.error) return failure(updated, lang, 'pmg.save.update');
		// RLS hides a row the caller may no longer edit (submitted, another region): nothing changed.
		if (!updated.data?.length)
			return { ok: false, status: 403, message: translate(lang, 'db.forbidden') };
		return { ok: true };
	}
	const inserted = await supabase.from('pmg_evaluations').insert({
		institution_id: part.institutionId,
		year: part.year,
		requirement_code: requirementCode,
		region_code: part.regionCode,
		...texts
	});
	return failure(inserted, lang, 'pmg.save.insert');
}

/** Moves every evaluation of the part that is behind `to` forward to it, in one statement. */
export async function advancePart(
	supabase: Client,
	part: PartRef,
	to: 'submitted' | 'final',
	lang: Language
): Promise<WriteResult> {
	const behind: EvaluationStatus[] = to === 'submitted' ? ['draft'] : ['draft', 'submitted'];
	let query = supabase
		.from('pmg_evaluations')
		.update({ status: to })
		.eq('institution_id', part.institutionId)
		.eq('year', part.year)
		.in('status', behind);
	query = part.regionCode ? query.eq('region_code', part.regionCode) : query.is('region_code', null);
	const result = await query.select('id');
	if (result.error) return failure(result, lang, `pmg.${to}`);
	if (!result.data?.length)
		return { ok: false, status: 409, message: translate(lang, 'pmg.nothingToAdvance') };
	return { ok: true };
}
