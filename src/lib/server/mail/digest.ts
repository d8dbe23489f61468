import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { formatDateTime } from '$lib/format';
import { changeHref, describeChange, type FollowedChange } from '$lib/flows/followed-changes';
import { translate, translatePlural } from '$lib/i18n';
import type { OutgoingEmail } from './delivery-email';
import type { SendMail } from './outbox';

/** The digest of one follower's changes, or null when nothing changed (no empty mail is sent). */
export function digestEmail(
	to: string,
	frequency: 'daily' | 'weekly',
	changes: readonly FollowedChange[],
	siteUrl: string
): OutgoingEmail | null {
	if (changes.length === 0) return null;
	const base = siteUrl.replace(/\/+$/, '');
	const lines = changes.map(
		(c) =>
			`• ${c.title} — ${describeChange(c, 'es')} (${formatDateTime(c.at, 'es')})\n  ${base}${changeHref(c)}`
	);
	return {
		to,
		subject: translatePlural('es', `flows.mail.digestSubject.${frequency}`, changes.length),
		text: [
			translate('es', 'flows.mail.digestIntro'),
			'',
			...lines,
			'',
			translate('es', 'flows.mail.digestFooter', { url: `${base}/lo-que-sigo` })
		].join('\n')
	};
}

/**
 * Sends every digest that is due (daily or weekly since the last one) and moves each follower's
 * mark only after its mail went out, so a failed send is tried again on the next round.
 */
export async function sendDueDigests(
	admin: SupabaseClient<Database>,
	send: SendMail,
	siteUrl: string
): Promise<{ sent: number; empty: number; failed: number }> {
	const result = { sent: 0, empty: 0, failed: 0 };
	const due = await admin.rpc('digests_due');
	if (due.error) throw new Error(`digests_due: ${due.error.message}`);
	for (const follower of due.data ?? []) {
		const now = new Date().toISOString();
		const changes = await admin.rpc('digest_for', { follower: follower.user_id, since: follower.since });
		if (changes.error) throw new Error(`digest_for: ${changes.error.message}`);
		const email = digestEmail(
			follower.email,
			follower.frequency === 'daily' ? 'daily' : 'weekly',
			changes.data ?? [],
			siteUrl
		);
		try {
			if (email) await send(email);
		} catch {
			result.failed++;
			continue;
		}
		const marked = await admin.rpc('mark_digest_sent', { follower: follower.user_id, sent_at: now });
		if (marked.error) throw new Error(`mark_digest_sent: ${marked.error.message}`);
		if (email) result.sent++;
		else result.empty++;
	}
	return result;
}
