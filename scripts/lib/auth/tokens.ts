// Access tokens (HS256 JWTs shaped like GoTrue's, so PostgREST, RLS and supabase-js read them the
// same way as a hosted project's) and opaque refresh tokens.
import { randomBytes } from 'node:crypto';
import { decodeJwt, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

export interface AccessTokenSubject {
	userId: string;
	email: string;
	phone: string;
	appMetadata: Record<string, unknown>;
	userMetadata: Record<string, unknown>;
	isAnonymous: boolean;
}

export interface AccessTokenClaims extends JWTPayload {
	iss: string;
	sub: string;
	aud: string;
	exp: number;
	iat: number;
	email: string;
	phone: string;
	app_metadata: Record<string, unknown>;
	user_metadata: Record<string, unknown>;
	role: string;
	aal: 'aal1';
	amr: { method: string; timestamp: number }[];
	session_id: string;
	is_anonymous: boolean;
}

export interface IssueAccessTokenInput {
	subject: AccessTokenSubject;
	sessionId: string;
	/** When the session was authenticated, for the `amr` claim (seconds since epoch). */
	authenticatedAt: number;
	issuer: string;
	expirySeconds: number;
	now?: number;
}

export function secretKey(jwtSecret: string): Uint8Array {
	return new TextEncoder().encode(jwtSecret);
}

/** Signs the access token GoTrue would issue for a password session; returns it with its `exp`. */
export async function issueAccessToken(
	input: IssueAccessTokenInput,
	key: Uint8Array
): Promise<{ token: string; expiresAt: number }> {
	const iat = Math.floor((input.now ?? Date.now()) / 1000);
	const exp = iat + input.expirySeconds;
	const claims: AccessTokenClaims = {
		iss: input.issuer,
		sub: input.subject.userId,
		aud: 'authenticated',
		exp,
		iat,
		email: input.subject.email,
		phone: input.subject.phone,
		app_metadata: input.subject.appMetadata,
		user_metadata: input.subject.userMetadata,
		role: 'authenticated',
		aal: 'aal1',
		amr: [{ method: 'password', timestamp: input.authenticatedAt }],
		session_id: input.sessionId,
		is_anonymous: input.subject.isAnonymous
	};
	const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
	return { token, expiresAt: exp };
}

export type VerifiedToken = { ok: true; claims: JWTPayload } | { ok: false; reason: string };

/**
 * Verifies signature (HS256 only: `alg: none` and algorithm swaps are refused) and expiry.
 * The reason uses GoTrue's wording so clients see the same messages.
 */
export async function verifyToken(token: string, key: Uint8Array): Promise<VerifiedToken> {
	try {
		// A token without `exp` would be valid forever: refused, as GoTrue refuses it.
		const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], requiredClaims: ['exp'] });
		return { ok: true, claims: payload };
	} catch (error) {
		if (error instanceof joseErrors.JWTExpired)
			return { ok: false, reason: 'token has invalid claims: token is expired' };
		if (error instanceof joseErrors.JWTClaimValidationFailed)
			return { ok: false, reason: `token has invalid claims: ${error.message}` };
		if (error instanceof joseErrors.JWSSignatureVerificationFailed)
			return { ok: false, reason: 'signature is invalid' };
		return { ok: false, reason: 'token is malformed' };
	}
}

/**
 * False for a well-formed JWT without a numeric `exp` (valid forever if its signature is); true
 * otherwise, including for anything that is not a JWT, which its verifier refuses anyway.
 */
export function carriesExpiry(token: string): boolean {
	let claims: JWTPayload;
	try {
		claims = decodeJwt(token);
	} catch {
		return true;
	}
	return typeof claims.exp === 'number';
}

/** The bearer token of an `Authorization` header, or null. */
export function bearerToken(authorization: string | undefined): string | null {
	if (!authorization) return null;
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
	return match ? match[1] : null;
}

/** 256 random bits, URL-safe: unguessable, and fits auth.refresh_tokens.token (varchar 255). */
export function newRefreshToken(): string {
	return randomBytes(32).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value);
}
