import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { formText } from '$lib/forms/form-text';
import type { MessageKey } from '$lib/i18n';
import { hasControlCharacters } from '$lib/text/control';

// Messages are i18n keys, translated where the form is answered, so the schemas stay language-free.
const message = (key: MessageKey) => ({ error: key });
const clean = (text: string) => !hasControlCharacters(text.replace(/[\n\r\t]/g, ''));
const id = z.coerce.number(message('flows.form.invalid')).int().positive(message('flows.form.invalid'));

export const flowSchema = z.object({
	information: z
		.string(message('flows.form.informationRequired'))
		.trim()
		.min(1, message('flows.form.informationRequired'))
		.max(300, message('flows.form.tooLong'))
		.refine(clean, message('flows.form.invalid')),
	description: z
		.string()
		.trim()
		.max(2000, message('flows.form.tooLong'))
		.refine(clean, message('flows.form.invalid'))
		.transform((text) => text || null),
	producer_institution_id: id,
	channel: z.enum(Constants.public.Enums.information_channel, message('flows.form.invalid')),
	periodicity: z.enum(Constants.public.Enums.information_periodicity, message('flows.form.invalid')),
	first_due_on: z.iso.date(message('flows.form.firstDueRequired')),
	recipients: z.array(id).min(1, message('flows.form.recipientsRequired'))
});

export type FlowInput = z.infer<typeof flowSchema>;

export const contactSchema = z.object({
	institution_id: id,
	name: z
		.string(message('flows.form.nameRequired'))
		.trim()
		.min(1, message('flows.form.nameRequired'))
		.max(200, message('flows.form.tooLong'))
		.refine(clean, message('flows.form.invalid')),
	email: z
		.string(message('flows.form.emailInvalid'))
		.trim()
		.toLowerCase()
		.pipe(z.email(message('flows.form.emailInvalid')))
});

/** The first problem of each field, as an i18n key. */
export function fieldErrors(error: z.ZodError): Record<string, MessageKey> {
	const errors: Record<string, MessageKey> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message as MessageKey;
	}
	return errors;
}

/** A flow form's fields as the schema takes them (recipients are repeated checkboxes). */
export function flowFormFields(form: FormData) {
	const text = (name: string) => formText(form, name);
	return {
		information: text('information'),
		description: text('description') ?? '',
		producer_institution_id: text('producer_institution_id'),
		channel: text('channel'),
		periodicity: text('periodicity'),
		first_due_on: text('first_due_on'),
		recipients: form.getAll('recipients').filter((v) => typeof v === 'string')
	};
}
