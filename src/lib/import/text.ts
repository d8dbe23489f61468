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
	let text: string;
	if (typeof value === 'string') text = value.trim();
	else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
		text = String(value);
	else if (typeof value === 'object') text = JSON.stringify(value);
	else return null;
	return text === '' ? null : text;
}
