import { describe, expect, it } from 'vitest';
import { formText } from './form-text';

describe('formText', () => {
	it('returns a text field as it was sent', () => {
		const form = new FormData();
		form.set('email', ' ana@example.cl ');
		expect(formText(form, 'email')).toBe(' ana@example.cl ');
	});
	it('treats a missing field or a file as absent', () => {
		const form = new FormData();
		form.set('upload', new Blob(['x']), 'x.txt');
		expect(formText(form, 'email')).toBeUndefined();
		expect(formText(form, 'upload')).toBeUndefined();
	});
});
