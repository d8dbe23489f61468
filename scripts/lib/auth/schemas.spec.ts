import { describe, expect, it } from 'vitest';
import { AuthHttpError } from './errors.ts';
import {
	adminCreateUserBody,
	checkNewPassword,
	normalizeNewEmail,
	parseBody,
	passwordGrantBody,
	refreshGrantBody
} from './schemas.ts';

function errorOf(run: () => unknown): AuthHttpError {
	try {
		run();
	} catch (error) {
		if (error instanceof AuthHttpError) return error;
		throw error;
	}
	throw new Error('expected an AuthHttpError');
}

describe('parseBody', () => {
	it('accepts what supabase-js sends for a password sign-in', () => {
		const body = { email: 'a@b.cl', password: 'secreto123', gotrue_meta_security: {} };
		expect(parseBody(passwordGrantBody, body)).toEqual(body);
	});

	it('refuses unsupported fields with validation_failed naming them', () => {
		const error = errorOf(() =>
			parseBody(passwordGrantBody, { phone: '+56911111111', password: 'x', email: 'a@b.cl' })
		);
		expect(error.status).toBe(400);
		expect(error.errorCode).toBe('validation_failed');
		expect(error.message).toContain('phone');
	});

	it('refuses missing or mistyped fields', () => {
		expect(errorOf(() => parseBody(refreshGrantBody, {})).errorCode).toBe('validation_failed');
		expect(errorOf(() => parseBody(refreshGrantBody, undefined)).errorCode).toBe('validation_failed');
		expect(errorOf(() => parseBody(passwordGrantBody, { email: 1, password: 'x' })).errorCode).toBe(
			'validation_failed'
		);
		expect(errorOf(() => parseBody(passwordGrantBody, [])).errorCode).toBe('validation_failed');
	});

	it('does not let an admin set the database role of a user', () => {
		expect(
			errorOf(() => parseBody(adminCreateUserBody, { email: 'a@b.cl', role: 'service_role' })).errorCode
		).toBe('validation_failed');
	});
});

describe('normalizeNewEmail', () => {
	it('trims and lower-cases', () => {
		expect(normalizeNewEmail('  Ana.Perez@MOP.gov.cl ')).toBe('ana.perez@mop.gov.cl');
	});
	it('refuses malformed addresses with email_address_invalid', () => {
		for (const bad of ['ana', 'ana@', '@mop.cl', 'ana@mop', 'a b@mop.cl']) {
			expect(errorOf(() => normalizeNewEmail(bad)).errorCode).toBe('email_address_invalid');
		}
	});
});

describe('checkNewPassword', () => {
	it('accepts 8 to 72 bytes', () => {
		expect(() => checkNewPassword('12345678')).not.toThrow();
		expect(() => checkNewPassword('x'.repeat(72))).not.toThrow();
	});
	it('refuses short passwords as weak_password with reasons', () => {
		const error = errorOf(() => checkNewPassword('1234567'));
		expect(error.status).toBe(422);
		expect(error.errorCode).toBe('weak_password');
		expect(error.extra).toEqual({ weak_password: { reasons: ['length'] } });
	});
	it('refuses passwords bcrypt would truncate (counted in bytes)', () => {
		expect(errorOf(() => checkNewPassword('x'.repeat(73))).errorCode).toBe('validation_failed');
		expect(errorOf(() => checkNewPassword('ñ'.repeat(37))).errorCode).toBe('validation_failed');
	});
});
