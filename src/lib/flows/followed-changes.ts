import type { Database } from '$lib/database.types';
import { formatDate } from '$lib/format';
import { translate, type Language } from '$lib/i18n';
import { enumLabel } from '$lib/i18n/enums';

export type FollowedChange = Database['public']['Functions']['my_followed_changes']['Returns'][number];

function valueLabel(change: FollowedChange, value: string | null, language: Language): string {
	if (value === null) return '—';
	if (change.subject === 'project' && change.change === 'status')
		return enumLabel(language, 'project_status', value);
	if (change.subject === 'project' && change.change === 'stage')
		return enumLabel(language, 'project_stage', value);
	if (change.subject === 'commitment' && change.change === 'status')
		return enumLabel(language, 'commitment_status', value);
	if (change.change === 'progress') return `${value} %`;
	return value;
}

/** One line saying what changed, in the reader's language: "Estado: En diseño → En ejecución". */
export function describeChange(change: FollowedChange, language: Language): string {
	switch (change.change) {
		case 'published':
			return translate(language, 'flows.follow.change.published', {
				kind: enumLabel(language, 'publication_kind', change.new_value ?? '')
			});
		case 'due_soon':
		case 'overdue':
			return translate(language, `flows.follow.change.${change.change}`, {
				date: change.new_value ? formatDate(change.new_value, language) : '—'
			});
		case 'status':
		case 'stage':
		case 'progress':
			return translate(language, `flows.follow.change.${change.change}`, {
				from: valueLabel(change, change.old_value, language),
				to: valueLabel(change, change.new_value, language)
			});
		default:
			return change.change;
	}
}

/** Where the subject of a change is read. */
export function changeHref(change: FollowedChange): string {
	switch (change.subject) {
		case 'project':
			return `/proyectos/${change.subject_id}`;
		case 'publication':
			return `/publicaciones/${change.subject_id}`;
		default:
			return '/compromisos';
	}
}
