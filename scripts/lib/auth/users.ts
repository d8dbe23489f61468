// auth.users and auth.identities, read and written the way GoTrue does, and the user JSON it sends.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { unprocessable } from './errors.ts';

export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export interface UserRow {
	id: string;
	aud: string | null;
	role: string | null;
	email: string | null;
	phone: string | null;
	email_confirmed_at: Date | null;
	phone_confirmed_at: Date | null;
	confirmed_at: Date | null;
	last_sign_in_at: Date | null;
	raw_app_meta_data: Record<string, unknown> | null;
	raw_user_meta_data: Record<string, unknown> | null;
	created_at: Date | null;
	updated_at: Date | null;
	banned_until: Date | null;
	deleted_at: Date | null;
	is_anonymous: boolean;
}

interface IdentityRow {
	id: string;
	provider_id: string;
	user_id: string;
	identity_data: Record<string, unknown>;
	provider: string;
	last_sign_in_at: Date | null;
	created_at: Date | null;
	updated_at: Date | null;
	email: string | null;
}

const USER_COLUMNS = `id, aud, role, email, phone, email_confirmed_at, phone_confirmed_at, confirmed_at,
	last_sign_in_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until,
	deleted_at, is_anonymous`;

/** GoTrue refuses unique violations on this index with 422 email_exists. */
const EMAIL_UNIQUE_INDEX = 'users_email_partial_key';

export function isBanned(user: Pick<UserRow, 'banned_until'>, now = Date.now()): boolean {
	return user.banned_until !== null && user.banned_until.getTime() > now;
}

const iso = (value: Date | null) => (value ? value.toISOString() : undefined);

/** The user object of GoTrue's JSON answers (models.User), omitting empty optional fields as it does. */
export function toUserJson(user: UserRow, identities: IdentityRow[]): Record<string, unknown> {
	const json: Record<string, unknown> = {
		id: user.id,
		aud: user.aud ?? '',
		role: user.role ?? '',
		email: user.email ?? '',
		email_confirmed_at: iso(user.email_confirmed_at),
		phone: user.phone ?? '',
		phone_confirmed_at: iso(user.phone_confirmed_at),
		confirmed_at: iso(user.confirmed_at),
		last_sign_in_at: iso(user.last_sign_in_at),
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		identities: identities.map((identity) => ({
			identity_id: identity.id,
			id: identity.provider_id,
			user_id: identity.user_id,
			identity_data: identity.identity_data,
			provider: identity.provider,
			last_sign_in_at: iso(identity.last_sign_in_at),
			created_at: iso(identity.created_at),
			updated_at: iso(identity.updated_at),
			email: identity.email ?? undefined
		})),
		created_at: iso(user.created_at),
		updated_at: iso(user.updated_at),
		banned_until: iso(user.banned_until),
		deleted_at: iso(user.deleted_at),
		is_anonymous: user.is_anonymous
	};
	return JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | null> {
	const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from auth.users where id = $1`, [id]);
	return rows[0] ?? null;
}

/** A live password account by (lower-cased) e-mail, with its hash for the sign-in check. */
export async function findPasswordUserByEmail(
	db: Queryable,
	email: string
): Promise<(UserRow & { encrypted_password: string | null }) | null> {
	const { rows } = await db.query<UserRow & { encrypted_password: string | null }>(
		`select ${USER_COLUMNS}, encrypted_password from auth.users
		 where lower(email) = $1 and is_sso_user = false and deleted_at is null and aud = 'authenticated'`,
		[email]
	);
	return rows[0] ?? null;
}

export async function findIdentities(db: Queryable, userId: string): Promise<IdentityRow[]> {
	const { rows } = await db.query<IdentityRow>(
		`select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
		 from auth.identities where user_id = $1 order by created_at`,
		[userId]
	);
	return rows;
}

export async function userJson(db: Queryable, user: UserRow): Promise<Record<string, unknown>> {
	return toUserJson(user, await findIdentities(db, user.id));
}

export interface NewUser {
	email: string;
	password?: string;
	emailConfirmed: boolean;
	appMetadata: Record<string, unknown>;
	userMetadata: Record<string, unknown>;
	bannedUntil: Date | null;
}

function isUniqueViolationOn(error: unknown, constraint: string): boolean {
	const pgError = error as { code?: string; constraint?: string };
	return pgError?.code === '23505' && pgError.constraint === constraint;
}

const emailExists = () =>
	unprocessable('email_exists', 'A user with this email address has already been registered');

/**
 * Creates a password user and its `email` identity in one transaction. The bcrypt hash is computed
 * by pgcrypto (cost 10, GoTrue's), so the password never needs hashing code of our own.
 */
export async function createUser(client: pg.PoolClient, input: NewUser): Promise<UserRow> {
	const id = randomUUID();
	const appMetadata = { provider: 'email', providers: ['email'], ...input.appMetadata };
	try {
		await client.query('begin');
		const { rows } = await client.query<UserRow>(
			`insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at,
				raw_app_meta_data, raw_user_meta_data, banned_until, created_at, updated_at, is_sso_user, is_anonymous)
			 values ($1, 'authenticated', 'authenticated', $2,
				case when $3::text is null then '' else extensions.crypt($3::text, extensions.gen_salt('bf', 10)) end,
				case when $4 then now() end, $5, $6, $7, now(), now(), false, false)
			 returning ${USER_COLUMNS}`,
			[
				id,
				input.email,
				input.password ?? null,
				input.emailConfirmed,
				appMetadata,
				input.userMetadata,
				input.bannedUntil
			]
		);
		await client.query(
			`insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
			 values ($1::text, $1::uuid, $2, 'email', now(), now())`,
			[id, { sub: id, email: input.email, email_verified: input.emailConfirmed, phone_verified: false }]
		);
		await client.query('commit');
		return rows[0];
	} catch (error) {
		await client.query('rollback').catch(() => {});
		if (isUniqueViolationOn(error, EMAIL_UNIQUE_INDEX)) throw emailExists();
		throw error;
	}
}

export interface UserChanges {
	password?: string;
	emailConfirm?: boolean;
	appMetadata?: Record<string, unknown>;
	userMetadata?: Record<string, unknown>;
	bannedUntil?: Date | null;
}

/** Admin update: metadata objects are merged like GoTrue (keys set to null are removed). */
export async function updateUser(db: Queryable, id: string, changes: UserChanges): Promise<UserRow | null> {
	const { rows } = await db.query<UserRow>(
		`update auth.users set
			encrypted_password = case when $2::text is null then encrypted_password
				else extensions.crypt($2::text, extensions.gen_salt('bf', 10)) end,
			email_confirmed_at = case when $3::boolean is true then coalesce(email_confirmed_at, now())
				when $3::boolean is false then null else email_confirmed_at end,
			raw_app_meta_data = case when $4::jsonb is null then raw_app_meta_data
				else jsonb_strip_nulls(coalesce(raw_app_meta_data, '{}') || $4::jsonb) end,
			raw_user_meta_data = case when $5::jsonb is null then raw_user_meta_data
				else jsonb_strip_nulls(coalesce(raw_user_meta_data, '{}') || $5::jsonb) end,
			banned_until = case when $6::boolean then $7::timestamptz else banned_until end,
			updated_at = now()
		 where id = $1 and deleted_at is null
		 returning ${USER_COLUMNS}`,
		[
			id,
			changes.password ?? null,
			changes.emailConfirm ?? null,
			changes.appMetadata ?? null,
			changes.userMetadata ?? null,
			changes.bannedUntil !== undefined,
			changes.bannedUntil ?? null
		]
	);
	return rows[0] ?? null;
}

/** Hard delete cascades to sessions, tokens, identities (and the app's rows that reference the user). */
export async function deleteUser(db: Queryable, id: string): Promise<boolean> {
	const { rowCount } = await db.query('delete from auth.users where id = $1', [id]);
	return (rowCount ?? 0) > 0;
}

/**
 * Soft delete as GoTrue does it: the row stays (so rows referencing it survive) but can never sign
 * in again: credentials and contact data are cleared and every session ends.
 */
export async function softDeleteUser(client: pg.PoolClient, id: string): Promise<boolean> {
	try {
		await client.query('begin');
		const { rowCount } = await client.query(
			`update auth.users set deleted_at = now(), updated_at = now(), email = null, phone = null,
				encrypted_password = '', raw_user_meta_data = '{}'
			 where id = $1 and deleted_at is null`,
			[id]
		);
		await client.query('delete from auth.identities where user_id = $1', [id]);
		await client.query('delete from auth.sessions where user_id = $1', [id]);
		await client.query('commit');
		return (rowCount ?? 0) > 0;
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	}
}

export async function listUsers(
	db: Queryable,
	page: number,
	perPage: number
): Promise<{ users: UserRow[]; total: number }> {
	const [{ rows }, count] = await Promise.all([
		db.query<UserRow>(
			`select ${USER_COLUMNS} from auth.users where deleted_at is null order by created_at desc, id limit $1 offset $2`,
			[perPage, (page - 1) * perPage]
		),
		db.query<{ total: string }>('select count(*) as total from auth.users where deleted_at is null')
	]);
	return { users: rows, total: Number(count.rows[0].total) };
}
