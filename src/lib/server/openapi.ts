import { describeApi, type ApiDescription } from '$lib/developers/openapi';
import { fetchWithDeadline } from './supabase-fetch';

// The public API as PostgREST describes it to an anonymous caller: GET /rest/v1/ with the anon
// key and `Accept: application/openapi+json` (PostgREST lists only what that role may use).

export class OpenApiError extends Error {
	readonly status: number;
	constructor(message: string, status: number) {
		super(message);
		this.name = 'OpenApiError';
		this.status = status;
	}
}

export async function loadPublicApi(
	apiUrl: string,
	anonKey: string,
	fetchImpl: typeof fetch = fetch
): Promise<ApiDescription> {
	const response = await fetchWithDeadline(fetchImpl)(`${apiUrl}/rest/v1/`, {
		headers: { apikey: anonKey, accept: 'application/openapi+json' }
	});
	if (!response.ok)
		throw new OpenApiError(`PostgREST OpenAPI answered ${response.status}`, response.status);
	return describeApi(await response.json());
}
