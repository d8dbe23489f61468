/** A form field as text: undefined when absent or when it is a file (a text field never is). */
export function formText(form: FormData, name: string): string | undefined {
	const value = form.get(name);
	return typeof value === 'string' ? value : undefined;
}
