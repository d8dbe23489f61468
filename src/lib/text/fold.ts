/**
 * Text folded for matching the way people type on any keyboard: lower case, no accents, ñ as n,
 * spaces collapsed ("Viña del Mar" and "vina  del mar" match; "nuble" finds Ñuble). The database
 * folds the same way (unaccent + lower) for server-side search.
 */
export function foldForSearch(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Mn}/gu, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

export interface Searchable {
	code: string;
	name: string;
}

/**
 * Places whose name contains the query (folded), names that start with it first, then by name;
 * a query of digits matches codes by prefix. At most `limit` results.
 */
export function searchByName<T extends Searchable>(items: readonly T[], query: string, limit = 20): T[] {
	const q = foldForSearch(query);
	if (!q) return items.slice(0, limit);
	const collator = new Intl.Collator('es', { sensitivity: 'base' });
	if (/^\d+$/.test(q)) return items.filter((i) => i.code.startsWith(q)).slice(0, limit);
	const scored: { item: T; rank: number }[] = [];
	for (const item of items) {
		const name = foldForSearch(item.name);
		if (!name.includes(q)) continue;
		// The name's start beats a later word's start, which beats a match inside a word.
		const rank = name.startsWith(q) ? 0 : name.includes(` ${q}`) ? 1 : 2;
		scored.push({ item, rank });
	}
	return scored
		.sort((a, b) => a.rank - b.rank || collator.compare(a.item.name, b.item.name))
		.slice(0, limit)
		.map((s) => s.item);
}
