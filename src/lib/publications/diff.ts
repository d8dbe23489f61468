import { diffLines, diffWords } from 'diff';

/** One run of a field's text: kept, added in the newer version, or removed from the older. */
export interface DiffPart {
	kind: 'same' | 'added' | 'removed';
	text: string;
}

export interface FieldDiff {
	field: 'title' | 'summary' | 'kind' | 'status' | 'body_md';
	parts: DiffPart[];
	changed: boolean;
}

/** The parts of a version the desk compares. */
export interface VersionContent {
	title: string;
	summary: string | null;
	body_md: string | null;
	kind: string;
	status: string;
}

function parts(changes: { added?: boolean; removed?: boolean; value: string }[]): DiffPart[] {
	return changes.map((change) => ({
		kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
		text: change.value
	}));
}

/**
 * What changed from `older` to `newer`, field by field: short fields word by word, the Markdown
 * body line by line (how authors edit it, and what reads well in a side-by-side view).
 */
export function diffVersions(older: VersionContent, newer: VersionContent): FieldDiff[] {
	const fields: FieldDiff[] = [
		{ field: 'title', parts: parts(diffWords(older.title, newer.title)), changed: false },
		{
			field: 'summary',
			parts: parts(diffWords(older.summary ?? '', newer.summary ?? '')),
			changed: false
		},
		{ field: 'kind', parts: parts(diffWords(older.kind, newer.kind)), changed: false },
		{ field: 'status', parts: parts(diffWords(older.status, newer.status)), changed: false },
		{
			field: 'body_md',
			parts: parts(diffLines(older.body_md ?? '', newer.body_md ?? '')),
			changed: false
		}
	];
	for (const field of fields) field.changed = field.parts.some((part) => part.kind !== 'same');
	return fields;
}
