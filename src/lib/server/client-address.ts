import { env } from '$env/dynamic/private';
import type { RequestEvent } from '@sveltejs/kit';

/**
 * Every sign-in through the app reaches Auth from the app server's address, so Auth's per-address
 * limits would count all users as one. These headers name the person's address (GoTrue's
 * Sb-Forwarded-For) with the key that makes the local Auth believe it; the key is server-only and
 * never reaches the browser. Without a key (a hosted Supabase) nothing is sent: hosted Auth
 * believes the header only with a secret API key, which this app does not hold.
 */
export function clientAddressHeaders(
	address: string | null,
	forwardingKey: string | undefined
): Record<string, string> {
	if (!address || !forwardingKey) return {};
	return { 'sb-forwarded-for': address, 'x-sb-forwarding-key': forwardingKey };
}

/** clientAddressHeaders for a request (adapter-node: the socket's address, or ADDRESS_HEADER behind a proxy). */
export function requestClientAddressHeaders(event: RequestEvent): Record<string, string> {
	let address: string | null;
	try {
		address = event.getClientAddress();
	} catch {
		address = null; // prerendering: no client
	}
	return clientAddressHeaders(address, env.SUPABASE_AUTH_FORWARDING_KEY);
}
