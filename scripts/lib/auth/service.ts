// The embedded stand-in for Supabase Auth (GoTrue): the part of its HTTP API that supabase-js 2
// uses for password accounts, with GoTrue's request and response shapes. Each group of endpoints
// lives in routes/; this file dispatches to them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAuthContext, type AuthServiceOptions, type Route } from './context.ts';
import { API_VERSION_HEADER, AuthHttpError, errorResponse, notFound, unexpectedFailure } from './errors.ts';
import { headerValue, sendJson } from './http.ts';
import { adminUserRoutes } from './routes/admin-users.ts';
import { instanceRoutes } from './routes/instance.ts';
import { sessionRoutes } from './routes/session.ts';
import { tokenRoutes } from './routes/token.ts';

export type { AuthServiceOptions };

export interface AuthService {
	/** Handles a request whose path has had `/auth/v1` removed (e.g. `/token`). */
	handle(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void>;
}

export function createAuthService(options: AuthServiceOptions): AuthService {
	const context = createAuthContext(options);
	const { log } = context;
	const routes: Route[] = [
		...tokenRoutes(context),
		...sessionRoutes(context),
		...instanceRoutes(context),
		...adminUserRoutes(context)
	];

	async function handle(
		req: IncomingMessage,
		res: ServerResponse,
		path: string,
		query: URLSearchParams
	): Promise<void> {
		try {
			const matching = routes.filter((route) => route.pattern.test(path));
			if (matching.length === 0) throw notFound('not_found', 'Not Found');
			const route = matching.find((candidate) => candidate.method === req.method);
			if (!route) {
				res.setHeader('allow', matching.map((candidate) => candidate.method).join(', '));
				throw new AuthHttpError(405, 'method_not_allowed', 'Method Not Allowed');
			}
			const params = route.pattern.exec(path)!.slice(1).map(decodePathSegment);
			await route.handler(req, res, query, params);
		} catch (error) {
			const httpError = error instanceof AuthHttpError ? error : unexpectedFailure();
			if (!(error instanceof AuthHttpError)) {
				// The message only: never the request (it may hold a password).
				log(
					`auth: ${req.method} ${path} failed: ${error instanceof Error ? error.message : String(error)}`
				);
			}
			if (res.headersSent) {
				res.destroy();
				return;
			}
			const answer = errorResponse(httpError, headerValue(req, API_VERSION_HEADER));
			sendJson(res, answer.status, answer.body, answer.headers);
		}
	}

	return { handle };
}

function decodePathSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		throw notFound('not_found', 'Not Found');
	}
}
