import { LIMITS } from '../errors.ts';
import { ImportFileError } from '../errors.ts';
import { cellText } from '../text.ts';

/** Header cells as names: blanks and repeats get a position ("columna 7") so every column can be mapped. */
export function headerNames(cells: unknown[]): string[] {
	if (cells.length > LIMITS.columns) throw new ImportFileError('too_many_columns', { max: LIMITS.columns });
	const seen = new Set<string>();
	return cells.map((cell, index) => {
		let name = (cellText(cell) ?? '').replace(/\s+/g, ' ').slice(0, 100);
		if (!name || seen.has(name)) name = `columna ${index + 1}`;
		seen.add(name);
		return name;
	});
}
