/** Lower case, without accents, punctuation or repeated spaces: how headers and names are compared. */
export function normalize(value: string): string {
	return value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9ñ]+/g, ' ')
		.trim();
}

/** A cell as text, trimmed; null when empty. Dates and numbers from spreadsheets are turned to text only here. */
export function cellText(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
	const text = (
		typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean)
	).trim();
	return text === '' ? null : text;
}
