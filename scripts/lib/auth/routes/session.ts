// The signed-in user's own endpoints: GET /user and POST /logout.
import type { AuthContext, Route } from '../context.ts';
import { badRequest } from '../errors.ts';
import { logoutScope } from '../schemas.ts';
import { endSessions } from '../sessions.ts';
import { userJson } from '../users.ts';

export function sessionRoutes(context: AuthContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: /^\/user$/,
			handler: async (req, res) => {
				const { user } = await context.requireUser(req);
				context.sendOk(req, res, 200, await userJson(context.pool, user));
			}
		},
		{
			method: 'POST',
			pattern: /^\/logout$/,
			handler: async (req, res, query) => {
				const scope = logoutScope.safeParse(query.get('scope') ?? 'global');
				if (!scope.success)
					throw badRequest('validation_failed', `Unsupported logout scope "${query.get('scope')}"`);
				const { user, sessionId } = await context.requireUser(req);
				if (sessionId !== null || scope.data === 'global')
					await endSessions(context.pool, user.id, sessionId, scope.data);
				context.sendOk(req, res, 204, null);
			}
		}
	];
}
