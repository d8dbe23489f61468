// Control characters (C0 and DEL) never belong in what a person types into a field or a URL
// parameter; one definition for every place that checks or strips them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

export function hasControlCharacters(text: string): boolean {
	CONTROL_CHARACTERS.lastIndex = 0;
	return CONTROL_CHARACTERS.test(text);
}

export function replaceControlCharacters(text: string, by: string): string {
	return text.replace(CONTROL_CHARACTERS, by);
}

// eslint-disable-next-line no-control-regex -- as above, but tab and line feed belong in multi-line text
const CONTROL_CHARACTERS_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Multi-line text (a Markdown body): CR LF and CR become LF, other control characters are replaced. */
export function cleanMultilineText(text: string, by = ''): string {
	return text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS_BUT_LINES, by);
}
