// Messages of OC4IDS and command-line exports, the developers' API page and the data-quality flags (issue 11). Each area keeps its own catalogue so that parallel work on the
// areas does not collide in one file; es.ts and en.ts merge them, and the type of en keeps every
// key translated.
export const es = {
	'filters.field.quality': 'Calidad de datos'
} as const;

export const en: Record<keyof typeof es, string> = {
	'filters.field.quality': 'Data quality'
};
