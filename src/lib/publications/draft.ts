import type { Database } from '$lib/database.types';

/** A project or commitment linked to a publication, with what the form shows for it. */
export interface Linked {
	id: number;
	label: string;
}

/** What the compose form edits (and keeps in localStorage until the server has it). */
export interface DraftFields {
	title: string;
	summary: string;
	body_md: string;
	kind: Database['public']['Enums']['publication_kind'];
	communes: string[];
	projects: Linked[];
	commitments: Linked[];
	/** '' when the publication delivers no flow (a select's value). */
	flow_id: string;
	due_on: string;
	/** `YYYY-MM-DDTHH:mm` on a clock in Chile, or ''. */
	scheduled_at: string;
}

const key = (fields: DraftFields) =>
	JSON.stringify([
		fields.title,
		fields.summary,
		fields.body_md,
		fields.kind,
		[...fields.communes].sort(),
		fields.projects.map((p) => p.id).sort((a, b) => a - b),
		fields.commitments.map((c) => c.id).sort((a, b) => a - b),
		fields.flow_id,
		fields.flow_id ? fields.due_on : '',
		fields.scheduled_at
	]);

/** Whether two drafts say the same (order of links aside): nothing worth keeping locally. */
export function sameDraft(a: DraftFields, b: DraftFields): boolean {
	return key(a) === key(b);
}
