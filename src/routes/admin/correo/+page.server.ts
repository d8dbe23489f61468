import { env } from '$env/dynamic/private';
import { loadOutbox, requireRole } from '$lib/server/flows';
import { readLocalMailbox } from '$lib/server/mail/local-mailbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	await requireRole(locals, url, ['admin']);
	const [outbox, mailbox] = await Promise.all([
		loadOutbox(locals.supabase, locals.lang),
		readLocalMailbox(env.LOCAL_MAILBOX_URL, env.LOCAL_MAILBOX_TOKEN).catch((failure: Error) => {
			console.error('Local mailbox unreadable:', failure.message);
			return null;
		})
	]);
	const selected = url.searchParams.get('mensaje');
	return { outbox, mailbox, selected: mailbox?.find((m) => m.id === selected) ?? null };
};
