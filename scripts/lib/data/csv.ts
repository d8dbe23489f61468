/**
 * A strict reader for the project's own small CSV files (RFC 4180: comma separator, optional
 * double-quoted fields with "" escapes, LF or CRLF line ends). Strict on purpose: a malformed
 * code list must stop the pipeline instead of producing shifted columns.
 */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let fieldWasQuoted = false;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

	const endField = () => {
		row.push(field);
		field = '';
		fieldWasQuoted = false;
	};
	const endRow = () => {
		endField();
		rows.push(row);
		row = [];
	};

	for (; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else {
					quoted = false;
				}
			} else {
				field += ch;
			}
			continue;
		}
		if (ch === '"') {
			if (field !== '' || fieldWasQuoted) throw new Error(`CSV: unexpected quote at offset ${i}`);
			quoted = true;
			fieldWasQuoted = true;
		} else if (ch === ',') {
			endField();
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			endRow();
		} else {
			if (fieldWasQuoted) throw new Error(`CSV: text after a closing quote at offset ${i}`);
			field += ch;
		}
	}
	if (quoted) throw new Error('CSV: unterminated quoted field');
	if (field !== '' || fieldWasQuoted || row.length > 0) endRow();
	return rows;
}

/** Rows as objects keyed by the header; every row must have exactly the header's columns. */
export function parseCsvRecords(text: string, name = 'CSV'): Record<string, string>[] {
	const [header, ...rows] = parseCsv(text);
	if (!header) throw new Error(`${name}: empty file`);
	return rows.map((cells, index) => {
		if (cells.length !== header.length) {
			throw new Error(
				`${name}: line ${index + 2} has ${cells.length} columns, the header has ${header.length}`
			);
		}
		return Object.fromEntries(header.map((column, c) => [column, cells[c]]));
	});
}
