// The admin API (service role only): list, create, read, update and delete users.
import type { AuthContext, Route } from '../context.ts';
import { bannedUntil } from '../duration.ts';
import { badRequest, notFound } from '../errors.ts';
import { readJsonBody } from '../http.ts';
import {
	adminCreateUserBody,
	adminDeleteUserBody,
	adminUpdateUserBody,
	checkNewPassword,
	normalizeNewEmail,
	parseBody
} from '../schemas.ts';
import { isUuid } from '../tokens.ts';
import {
	createUser,
	deleteUser,
	findUserById,
	listUsers,
	softDeleteUser,
	updateUser,
	userJson,
	type UserRow
} from '../users.ts';

const userNotFound = () => notFound('user_not_found', 'User not found');

export function adminUserRoutes(context: AuthContext): Route[] {
	async function findAdminTarget(id: string): Promise<UserRow> {
		if (!isUuid(id)) throw notFound('validation_failed', 'user_id must be an UUID');
		const user = await findUserById(context.pool, id);
		if (!user || user.deleted_at) throw userNotFound();
		return user;
	}

	return [
		{
			method: 'GET',
			pattern: /^\/admin\/users$/,
			handler: async (req, res, query) => {
				await context.requireAdmin(req);
				const page = positiveInt(query.get('page'), 1);
				const perPage = Math.min(positiveInt(query.get('per_page'), 50), 1000);
				const { users, total } = await listUsers(context.pool, page, perPage);
				const lastPage = Math.max(1, Math.ceil(total / perPage));
				const links = [];
				if (page < lastPage)
					links.push(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
				links.push(`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`);
				res.setHeader('x-total-count', String(total));
				res.setHeader('link', links.join(', '));
				const json = await Promise.all(users.map((user) => userJson(context.pool, user)));
				context.sendOk(req, res, 200, { users: json, aud: 'authenticated' });
			}
		},
		{
			method: 'POST',
			pattern: /^\/admin\/users$/,
			handler: async (req, res) => {
				await context.requireAdmin(req);
				const body = parseBody(adminCreateUserBody, await readJsonBody(req));
				const email = normalizeNewEmail(body.email);
				const banned = checkedChanges(body) ?? null;
				const user = await context.withClient((client) =>
					createUser(client, {
						email,
						password: body.password,
						emailConfirmed: body.email_confirm ?? false,
						appMetadata: body.app_metadata ?? {},
						userMetadata: body.user_metadata ?? {},
						bannedUntil: banned
					})
				);
				context.sendOk(req, res, 200, await userJson(context.pool, user));
			}
		},
		{
			method: 'GET',
			pattern: /^\/admin\/users\/([^/]+)$/,
			handler: async (req, res, _query, [id]) => {
				await context.requireAdmin(req);
				const user = await findAdminTarget(id);
				context.sendOk(req, res, 200, await userJson(context.pool, user));
			}
		},
		{
			method: 'PUT',
			pattern: /^\/admin\/users\/([^/]+)$/,
			handler: async (req, res, _query, [id]) => {
				await context.requireAdmin(req);
				await findAdminTarget(id);
				const body = parseBody(adminUpdateUserBody, await readJsonBody(req));
				const banned = checkedChanges(body);
				const user = await updateUser(context.pool, id, {
					password: body.password,
					emailConfirm: body.email_confirm,
					appMetadata: body.app_metadata,
					userMetadata: body.user_metadata,
					bannedUntil: banned
				});
				if (!user) throw userNotFound();
				context.sendOk(req, res, 200, await userJson(context.pool, user));
			}
		},
		{
			method: 'DELETE',
			pattern: /^\/admin\/users\/([^/]+)$/,
			handler: async (req, res, _query, [id]) => {
				await context.requireAdmin(req);
				await findAdminTarget(id);
				const body = parseBody(adminDeleteUserBody, await readJsonBody(req));
				const deleted = body.should_soft_delete
					? await context.withClient((client) => softDeleteUser(client, id))
					: await deleteUser(context.pool, id);
				if (!deleted) throw userNotFound();
				context.sendOk(req, res, 200, {});
			}
		}
	];
}

/** Checks the new password, if any, and returns the ban end the body asks for (undefined: none). */
function checkedChanges(body: { password?: string; ban_duration?: string }): Date | null | undefined {
	if (body.password !== undefined) checkNewPassword(body.password);
	if (body.ban_duration === undefined) return undefined;
	const banned = bannedUntil(body.ban_duration);
	if (banned === 'invalid') throw badRequest('validation_failed', 'invalid format for ban duration');
	return banned;
}

function positiveInt(text: string | null, fallback: number): number {
	if (text === null || text === '') return fallback;
	const value = Number(text);
	return Number.isInteger(value) && value > 0 ? value : fallback;
}
