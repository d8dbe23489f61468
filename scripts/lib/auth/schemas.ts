// Request bodies the Auth service accepts. Objects are strict: a field this stand-in does not
// implement (phone sign-in, setting a user's database role, importing hashes…) is refused with
// `validation_failed` instead of being silently ignored.
import { z } from 'zod';
import { AuthHttpError, badRequest } from './errors.ts';

export const MIN_PASSWORD_LENGTH = 8;
/** bcrypt only reads 72 bytes; a longer password would be silently truncated, so it is refused. */
export const MAX_PASSWORD_BYTES = 72;

const metadata = z.record(z.string(), z.unknown());

export const passwordGrantBody = z.strictObject({
	email: z.string().max(320),
	password: z.string().max(1024),
	// supabase-js always sends this (captcha token, unused here).
	gotrue_meta_security: z.strictObject({ captcha_token: z.string().optional() }).optional()
});

export const refreshGrantBody = z.strictObject({
	refresh_token: z.string().min(1).max(255)
});

export const adminCreateUserBody = z.strictObject({
	email: z.string().max(255),
	password: z.string().max(1024).optional(),
	email_confirm: z.boolean().optional(),
	app_metadata: metadata.optional(),
	user_metadata: metadata.optional(),
	ban_duration: z.string().max(64).optional()
});

export const adminUpdateUserBody = z.strictObject({
	password: z.string().max(1024).optional(),
	email_confirm: z.boolean().optional(),
	app_metadata: metadata.optional(),
	user_metadata: metadata.optional(),
	ban_duration: z.string().max(64).optional()
});

export const adminDeleteUserBody = z.strictObject({
	should_soft_delete: z.boolean().optional()
});

export const logoutScope = z.enum(['global', 'local', 'others']);

export type PasswordGrantBody = z.infer<typeof passwordGrantBody>;
export type AdminCreateUserBody = z.infer<typeof adminCreateUserBody>;
export type AdminUpdateUserBody = z.infer<typeof adminUpdateUserBody>;

/** Parses `body` or throws GoTrue's 400 validation_failed naming what was wrong. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
	const result = schema.safeParse(body ?? {});
	if (result.success) return result.data;
	const issues = result.error.issues.map((issue) => {
		const where = issue.path.length ? issue.path.join('.') : 'body';
		return issue.code === 'unrecognized_keys'
			? `${where}: unsupported field(s) ${issue.keys.join(', ')}`
			: `${where}: ${issue.message}`;
	});
	throw badRequest('validation_failed', `Invalid request body: ${issues.join('; ')}`);
}

// Deliberately simple, like GoTrue's own check: one @, something before, a dotted domain after.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** GoTrue's validateEmail: trimmed, lower-cased, or 400 email_address_invalid. */
export function normalizeNewEmail(email: string): string {
	const normalized = email.trim().toLowerCase();
	if (!EMAIL.test(normalized)) {
		throw badRequest('email_address_invalid', 'Unable to validate email address: invalid format');
	}
	return normalized;
}

/** Lookup form of an address typed at sign-in (no format check: a typo is simply not found). */
export function normalizeSignInEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** GoTrue's password rules for a new password: 422 weak_password (with reasons) or 400 for too long. */
export function checkNewPassword(password: string): void {
	if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
		throw badRequest(
			'validation_failed',
			`Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`
		);
	}
	if ([...password].length < MIN_PASSWORD_LENGTH) {
		throw new AuthHttpError(
			422,
			'weak_password',
			`Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
			{
				weak_password: { reasons: ['length'] }
			}
		);
	}
}
