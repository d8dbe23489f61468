import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import {
	bearerToken,
	carriesExpiry,
	isUuid,
	issueAccessToken,
	newRefreshToken,
	secretKey,
	verifyToken
} from './tokens.ts';

const key = secretKey('a-test-secret-of-at-least-thirty-two-characters');
const subject = {
	userId: '7d3f1f8e-3b8a-4c1e-9a53-2f4b7a2c9e11',
	email: 'ana@mop.gov.cl',
	phone: '',
	appMetadata: { provider: 'email', providers: ['email'], role: 'gore', region_code: '05' },
	userMetadata: {},
	isAnonymous: false
};
const input = {
	subject,
	sessionId: '0f1e2d3c-4b5a-4978-8877-665544332211',
	authenticatedAt: 1_700_000_000,
	issuer: 'http://127.0.0.1:54321/auth/v1',
	expirySeconds: 3600
};

describe('issueAccessToken', () => {
	it("carries GoTrue's claims and an HS256 header", async () => {
		const { token, expiresAt } = await issueAccessToken({ ...input, now: 1_700_000_100_000 }, key);
		expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
		const claims = decodeJwt(token);
		expect(claims).toEqual({
			iss: 'http://127.0.0.1:54321/auth/v1',
			sub: subject.userId,
			aud: 'authenticated',
			iat: 1_700_000_100,
			exp: 1_700_003_700,
			email: 'ana@mop.gov.cl',
			phone: '',
			app_metadata: subject.appMetadata,
			user_metadata: {},
			role: 'authenticated',
			aal: 'aal1',
			amr: [{ method: 'password', timestamp: 1_700_000_000 }],
			session_id: input.sessionId,
			is_anonymous: false
		});
		expect(expiresAt).toBe(1_700_003_700);
	});
});

describe('verifyToken', () => {
	it('accepts a token it issued', async () => {
		const { token } = await issueAccessToken(input, key);
		const result = await verifyToken(token, key);
		expect(result.ok && result.claims.sub).toBe(subject.userId);
	});

	it('refuses a tampered payload', async () => {
		const { token } = await issueAccessToken(input, key);
		const [header, payload, signature] = token.split('.');
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
		claims.app_metadata.role = 'admin';
		const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join(
			'.'
		);
		expect(await verifyToken(forged, key)).toEqual({ ok: false, reason: 'signature is invalid' });
	});

	it('refuses a token signed with another secret', async () => {
		const { token } = await issueAccessToken(input, secretKey('another-secret-another-secret-another'));
		expect((await verifyToken(token, key)).ok).toBe(false);
	});

	it('refuses an expired token with GoTrue wording', async () => {
		const { token } = await issueAccessToken({ ...input, now: Date.now() - 7200_000 }, key);
		expect(await verifyToken(token, key)).toEqual({
			ok: false,
			reason: 'token has invalid claims: token is expired'
		});
	});

	it('refuses a correctly signed token without exp, which would never expire', async () => {
		const forever = await new SignJWT({ sub: subject.userId, role: 'authenticated' })
			.setProtectedHeader({ alg: 'HS256' })
			.sign(key);
		const result = await verifyToken(forever, key);
		expect(result).toEqual({
			ok: false,
			reason: expect.stringMatching(/^token has invalid claims: .*exp/)
		});
		expect(carriesExpiry(forever)).toBe(false);
		expect(carriesExpiry((await issueAccessToken(input, key)).token)).toBe(true);
		expect(carriesExpiry('not-a-jwt')).toBe(true);
	});

	it('refuses unsigned (alg none) and non-HS256 tokens', async () => {
		const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
		const payload = Buffer.from(JSON.stringify({ sub: subject.userId, role: 'service_role' })).toString(
			'base64url'
		);
		expect((await verifyToken(`${header}.${payload}.`, key)).ok).toBe(false);
		const hs512 = await new SignJWT({ sub: subject.userId })
			.setProtectedHeader({ alg: 'HS512' })
			.sign(key);
		expect((await verifyToken(hs512, key)).ok).toBe(false);
		expect(await verifyToken('not-a-jwt', key)).toEqual({ ok: false, reason: 'token is malformed' });
	});
});

describe('helpers', () => {
	it('reads bearer tokens', () => {
		expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
		expect(bearerToken('bearer   abc')).toBe('abc');
		expect(bearerToken('Basic abc')).toBeNull();
		expect(bearerToken('Bearer ')).toBeNull();
		expect(bearerToken(undefined)).toBeNull();
	});

	it('makes distinct, long, URL-safe refresh tokens', () => {
		const tokens = new Set(Array.from({ length: 100 }, newRefreshToken));
		expect(tokens.size).toBe(100);
		for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});

	it('recognizes UUIDs', () => {
		expect(isUuid(subject.userId)).toBe(true);
		expect(isUuid('not-a-uuid')).toBe(false);
		expect(isUuid(42)).toBe(false);
	});
});
