import { z } from 'zod';
import type { MessageKey } from '$lib/i18n';
import { hasControlCharacters } from '$lib/text/control';

// Messages are i18n keys, translated where the form is answered, so the schema stays language-free.
const message = (key: MessageKey) => ({ error: key });

// A NUL byte cannot be stored or compared by Postgres (it would fail as a 500 in the Auth service),
// and no other control character belongs in an e-mail or a typed password.
const withoutControlCharacters = (text: string) => !hasControlCharacters(text);

export const loginSchema = z.object({
	email: z
		.string(message('login.emailRequired'))
		.trim()
		.min(1, message('login.emailRequired'))
		.refine(withoutControlCharacters, message('login.invalidCharacters'))
		.pipe(z.email(message('login.emailInvalid'))),
	// Not trimmed: spaces may be part of a password.
	password: z
		.string(message('login.passwordRequired'))
		.min(1, message('login.passwordRequired'))
		.refine(withoutControlCharacters, message('login.invalidCharacters'))
});

export type LoginFieldErrors = Partial<Record<keyof z.infer<typeof loginSchema>, MessageKey>>;

/** The first problem of each field, as an i18n key. */
export function loginFieldErrors(error: z.ZodError): LoginFieldErrors {
	const errors: LoginFieldErrors = {};
	for (const issue of error.issues) {
		const field = issue.path[0];
		if ((field === 'email' || field === 'password') && !errors[field]) {
			errors[field] = issue.message as MessageKey;
		}
	}
	return errors;
}
