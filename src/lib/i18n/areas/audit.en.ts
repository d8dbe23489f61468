// English of the audit area's messages (src/lib/i18n/areas/audit.ts), loaded only when someone reads in English.
import type { es } from './audit.ts';

export const en: Record<keyof typeof es, string> = {
	'error.forbidden': 'No access to this page',
	'constraint.agreements_title_length': 'The agreement title takes at most 300 characters.',
	'constraint.agreements_problem_length': 'The territorial problem takes at most 4,000 characters.',
	'constraint.commitments_title_length': 'The commitment title takes at most 300 characters.',
	'constraint.commitment_progress_note_length': 'The progress note takes at most 2,000 characters.',
	'constraint.projects_name_length': 'The project name takes at most 500 characters.',
	'constraint.publications_title_length': 'The publication title takes at most 1,000 characters.',
	'constraint.publications_summary_length': 'The publication summary takes at most 10,000 characters.',
	'constraint.publications_body_length': 'The publication body takes at most 200,000 characters.',
	'constraint.projects_description_length': 'The project description takes at most 4,000 characters.',
	'request.tooLarge': 'The form is too large (at most {max} MB). Only the project import takes files.',
	'request.lengthRequired': 'The form arrived without its size; send it again from the page.'
};
