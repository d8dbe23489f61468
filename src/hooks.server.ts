import { building } from '$app/environment';
import { env as privateEnv } from '$env/dynamic/private';
import { env } from '$env/dynamic/public';
import { createServerClient } from '@supabase/ssr';
import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { sessionCookieOptions } from '$lib/auth/session-cookie';
import type { Database } from '$lib/database.types';
import { LANGUAGE_COOKIE, loadLanguage, resolveLanguage, translate } from '$lib/i18n';
import { keepPrivate, limitRequestBodies, observeRequest } from '$lib/server/http-handles';
import { fetchWithDeadline } from '$lib/server/supabase-fetch';
import { MissingSupabaseEnvError, readSupabaseEnv } from '$lib/supabase-env';
import { requestClientAddressHeaders } from '$lib/server/client-address';
import { startMailJob } from '$lib/server/mail/job';

/** The mail job (deliveries by e-mail, follow digests) runs beside the server, never while building. */
export const init: ServerInit = () => {
	if (building || !env.PUBLIC_SUPABASE_URL) return;
	startMailJob({
		supabaseUrl: env.PUBLIC_SUPABASE_URL,
		serviceKey: privateEnv.SUPABASE_SERVICE_ROLE_KEY,
		smtpUrl: privateEnv.SMTP_URL,
		from: privateEnv.MAIL_FROM || 'Tablero Territorial <no-responder@tablero.invalid>',
		siteUrl: privateEnv.PUBLIC_SITE_URL || privateEnv.ORIGIN || 'http://localhost:3000',
		pollMs: Number(privateEnv.MAIL_POLL_MS) || 30_000
	});
};

const language: Handle = async ({ event, resolve }) => {
	event.locals.lang = resolveLanguage(event.cookies.get(LANGUAGE_COOKIE));
	await loadLanguage(event.locals.lang);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang)
	});
};

let missingEnvReported = false;

const supabase: Handle = async ({ event, resolve }) => {
	let supabaseEnv;
	try {
		supabaseEnv = readSupabaseEnv(env);
	} catch (failure) {
		// A misconfigured start is an operator's problem: say exactly what to do, on the console and
		// on the page, instead of a bare 500.
		if (!(failure instanceof MissingSupabaseEnvError)) throw failure;
		if (!missingEnvReported) console.error(failure.message);
		missingEnvReported = true;
		return new Response(failure.message, {
			status: 500,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}

	let noCacheHeadersSet = false;
	const https = event.url.protocol === 'https:';
	event.locals.supabase = createServerClient<Database>(supabaseEnv.url, supabaseEnv.anonKey, {
		// Auth throttles sign-ins per client address: it must see the person's, not this server's.
		global: { headers: requestClientAddressHeaders(event), fetch: fetchWithDeadline() },
		// postgrest-js retries a failed read up to 3 times over 7 s; while the database is down a
		// person would wait that long for the same "unavailable" page. One attempt answers at once.
		db: { retry: false },
		cookies: {
			getAll: () => event.cookies.getAll(),
			setAll: (cookiesToSet, headers) => {
				// Site-wide, Secure over HTTPS, and a 12-hour idle lifetime instead of 400 days.
				for (const { name, value, options } of cookiesToSet) {
					event.cookies.set(name, value, sessionCookieOptions({ ...options, path: '/' }, https));
				}
				// Responses that set auth cookies must never be cached for another user. SvelteKit
				// refuses a header set twice, so they are set once per request.
				if (!noCacheHeadersSet && headers && Object.keys(headers).length > 0) {
					event.setHeaders(headers);
					noCacheHeadersSet = true;
				}
			}
		}
	});

	event.locals.safeGetSession = async () => {
		// getSession() only decodes the cookie; getUser() asks the Auth server, which checks the
		// signature and that the user still exists. Only then is the session trusted.
		const {
			data: { session }
		} = await event.locals.supabase.auth.getSession();
		if (!session) return { session: null, user: null };

		const {
			data: { user },
			error
		} = await event.locals.supabase.auth.getUser();
		if (error || !user) return { session: null, user: null };
		return { session, user };
	};

	return resolve(event, {
		filterSerializedResponseHeaders: (name) =>
			name === 'content-range' || name === 'x-supabase-api-version'
	});
};

/** Paths that only make sense without a session. */
const SIGNED_OUT_ONLY = ['/login'];

const authGuard: Handle = async ({ event, resolve }) => {
	const { session, user } = await event.locals.safeGetSession();
	event.locals.session = session;
	event.locals.user = user;

	if (user && SIGNED_OUT_ONLY.includes(event.url.pathname) && event.request.method === 'GET') {
		redirect(303, '/');
	}
	const response = await resolve(event);
	return user ? keepPrivate(response) : response;
};

export const handle: Handle = sequence(observeRequest, language, limitRequestBodies, supabase, authGuard);

/** Unexpected failures: the details go to the log, the person gets a sentence in their language. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const lang = event.locals.lang ?? resolveLanguage(event.cookies.get(LANGUAGE_COOKIE));
	if (status === 404) return { message: translate(lang, 'error.notFound') };
	console.error(`Unexpected error on ${event.request.method} ${event.url.pathname}:`, error);
	return { message: translate(lang, 'error.unexpected') };
};
