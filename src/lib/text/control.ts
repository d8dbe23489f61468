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
