import { describe, expect, it } from 'vitest';
import { loginFieldErrors, loginSchema } from './login-schema';

const errorsOf = (input: unknown) => {
	const result = loginSchema.safeParse(input);
	return result.success ? {} : loginFieldErrors(result.error);
};

describe('loginSchema', () => {
	it('accepts an e-mail (trimmed) and a password', () => {
		expect(loginSchema.parse({ email: '  ana@mop.gob.cl ', password: ' secreto ' })).toEqual({
			email: 'ana@mop.gob.cl',
			password: ' secreto '
		});
	});

	it('asks for both fields when empty or missing', () => {
		expect(errorsOf({ email: '  ', password: '' })).toEqual({
			email: 'login.emailRequired',
			password: 'login.passwordRequired'
		});
		expect(errorsOf({})).toEqual({
			email: 'login.emailRequired',
			password: 'login.passwordRequired'
		});
	});

	it('rejects a malformed e-mail with its own message', () => {
		expect(errorsOf({ email: 'ana@', password: 'x' })).toEqual({ email: 'login.emailInvalid' });
	});

	it('refuses a NUL byte or another control character in either field', () => {
		expect(errorsOf({ email: 'ana\u0000@mop.gob.cl', password: 'x' })).toEqual({
			email: 'login.invalidCharacters'
		});
		expect(errorsOf({ email: 'ana@mop.gob.cl', password: 'se\u0000creto' })).toEqual({
			password: 'login.invalidCharacters'
		});
		expect(errorsOf({ email: 'ana@mop.gob.cl', password: 'se\ncreto' })).toEqual({
			password: 'login.invalidCharacters'
		});
	});
});
