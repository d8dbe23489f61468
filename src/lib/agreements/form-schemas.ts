import { z } from 'zod';
import type { Database } from '$lib/database.types';
import { translate, type Language, type MessageKey } from '$lib/i18n';
import { hasControlCharacters } from '$lib/text/control';

// The workspace's forms as the server reads them. Messages are i18n keys, translated where the form
// is answered; the database checks the same rules again (constraints, territory triggers).

type Enums = Database['public']['Enums'];
const message = (key: MessageKey) => ({ error: key });

export const AGREEMENT_KINDS = [
	'working_group',
	'memorandum_of_understanding',
	'cooperation_agreement'
] as const satisfies readonly Enums['agreement_kind'][];
export const PARTY_ROLES = [
	'coordinator',
	'signatory',
	'implementer',
	'funder',
	'collaborator'
] as const satisfies readonly Enums['agreement_party_role'][];
export const COMMITMENT_STATUSES = [
	'pending',
	'in_progress',
	'fulfilled',
	'cancelled'
] as const satisfies readonly Enums['commitment_status'][];

/** Empty rows of parties the agreement form offers besides the saved ones (no script needed). */
export const BLANK_PARTY_ROWS = 3;

const text = (required: MessageKey, max: number) =>
	z
		.string(message(required))
		.trim()
		.min(1, message(required))
		.max(max, message('workspace.error.tooLong'))
		.refine(
			(value) => !hasControlCharacters(value.replace(/[\n\r\t]/g, '')),
			message('workspace.error.invalidCharacters')
		);

const date = (key: MessageKey) => z.iso.date(message(key));
const optionalDate = z
	.string()
	.trim()
	.transform((value) => value || null)
	.pipe(z.iso.date(message('workspace.error.date')).nullable());
const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const agreementSchema = z
	.object({
		kind: z.enum(AGREEMENT_KINDS, message('workspace.error.kind')),
		title: text('workspace.error.title', 300),
		problem: text('workspace.error.problem', 4000),
		signed_on: date('workspace.error.signedOn'),
		ends_on: optionalDate,
		region_code: z
			.string()
			.regex(/^(\d{2})?$/, message('workspace.error.region'))
			.transform((value) => value || null),
		parties: z
			.array(
				z.object({ institution_id: id, role: z.enum(PARTY_ROLES, message('workspace.error.role')) })
			)
			.refine(
				(parties) => new Set(parties.map((p) => p.institution_id)).size === parties.length,
				message('workspace.error.partyTwice')
			),
		communes: z.array(z.string().regex(/^\d{5}$/, message('workspace.error.commune')))
	})
	.refine((a) => !a.ends_on || a.ends_on >= a.signed_on, {
		...message('constraint.agreements_ends_after_signed'),
		path: ['ends_on']
	});

export type AgreementInput = z.infer<typeof agreementSchema>;

/** Pesos as typed in Chile: `12.500.000`, `$ 12.500.000` or `12500000`; empty means "not estimated". */
const pesos = z
	.string()
	.trim()
	.transform((value) => value.replace(/^\$\s*/, '').replace(/\./g, ''))
	.refine((value) => value === '' || /^\d{1,15}$/.test(value), message('workspace.error.cost'))
	.transform((value) => (value === '' ? null : Number(value)));

export const commitmentSchema = z.object({
	title: text('workspace.error.commitmentTitle', 300),
	responsible_institution_id: id.refine(Boolean, message('workspace.error.responsible')),
	theme_code: z.string().regex(/^[a-z_]{1,60}$/, message('workspace.error.theme')),
	due_on: date('workspace.error.dueOn'),
	estimated_cost_clp: pesos,
	communes: z.array(z.string().regex(/^\d{5}$/, message('workspace.error.commune'))),
	// One entry per project chosen in the picker; without script, one field of numbers separated
	// by commas.
	projects: z
		.array(z.string())
		.transform((entries) =>
			entries.flatMap((entry) => entry.split(',').map((p) => p.trim())).filter(Boolean)
		)
		.refine((ids) => ids.every((p) => /^\d{1,18}$/.test(p)), message('workspace.error.projects'))
		.transform((ids) => [...new Set(ids.map(Number))])
});

export type CommitmentInput = z.infer<typeof commitmentSchema>;

export const progressSchema = z.object({
	progress: z.coerce
		.number(message('constraint.commitments_progress_between_0_and_100'))
		.int(message('constraint.commitments_progress_between_0_and_100'))
		.min(0, message('constraint.commitments_progress_between_0_and_100'))
		.max(100, message('constraint.commitments_progress_between_0_and_100')),
	status: z.enum(COMMITMENT_STATUSES, message('workspace.error.status')),
	note: z
		.string()
		.trim()
		.max(2000, message('workspace.error.tooLong'))
		.transform((value) => value || null)
});

/** The statuses a commitment may move to from its current one (the database enforces the same). */
export function nextStatuses(current: Enums['commitment_status']): Enums['commitment_status'][] {
	if (current === 'pending') return ['pending', 'in_progress', 'fulfilled', 'cancelled'];
	if (current === 'in_progress') return ['in_progress', 'fulfilled', 'cancelled'];
	return [current];
}

/** The first problem of each field, as an i18n key (`parties.0.role` → `parties`). */
export function fieldErrors(error: z.ZodError): Record<string, MessageKey> {
	const errors: Record<string, MessageKey> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message as MessageKey;
	}
	return errors;
}

/** The same, in the reader's language. */
export function translatedFieldErrors(error: z.ZodError, lang: Language): Record<string, string> {
	return Object.fromEntries(
		Object.entries(fieldErrors(error)).map(([field, key]) => [field, translate(lang, key)])
	);
}

/** Party rows as the form posts them: `party_institution` and `party_role`, row by row; blank rows dropped. */
export function partyRows(form: FormData): { institution_id: string; role: string }[] {
	const institutions = form.getAll('party_institution');
	const roles = form.getAll('party_role');
	return institutions.flatMap((institution, index) => {
		const role = roles[index];
		return typeof institution === 'string' && institution !== ''
			? [{ institution_id: institution, role: typeof role === 'string' ? role : '' }]
			: [];
	});
}
