import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { deliveryEmail, type OutgoingEmail } from './delivery-email';

export type SendMail = (email: OutgoingEmail) => Promise<void>;

export interface OutboxOptions {
	siteUrl: string;
	batchSize?: number;
	/** After this many failed attempts a message is marked failed and left alone. */
	maxAttempts?: number;
	/** Delay before the n-th retry: baseMs × 2^(n−1), at most maxMs. */
	backoff?: { baseMs: number; maxMs: number };
}

export interface RoundResult {
	sent: number;
	retrying: number;
	failed: number;
}

export const DEFAULT_BACKOFF = { baseMs: 60_000, maxMs: 3_600_000 };

/** Milliseconds to wait after the `attempt`-th failure (1-based): exponential, capped. */
export function retryDelayMs(attempt: number, backoff = DEFAULT_BACKOFF): number {
	return Math.min(backoff.baseMs * 2 ** Math.max(0, attempt - 1), backoff.maxMs);
}

/**
 * One round of the outbox: claim what is due (leased, so a second sender skips it), send each
 * message, record each outcome. A failure is recorded and retried later by the database's
 * schedule; nothing here touches the publication, so a failed send never loses it.
 */
export async function sendDueEmails(
	admin: SupabaseClient<Database>,
	send: SendMail,
	options: OutboxOptions
): Promise<RoundResult> {
	const result: RoundResult = { sent: 0, retrying: 0, failed: 0 };
	const claimed = await admin.rpc('claim_due_emails', { batch_size: options.batchSize ?? 20 });
	if (claimed.error) throw new Error(`claim_due_emails: ${claimed.error.message}`);
	for (const message of claimed.data ?? []) {
		let error: string | null = null;
		try {
			await send(deliveryEmail(message, options.siteUrl));
		} catch (failure) {
			error = failure instanceof Error ? failure.message : String(failure);
		}
		const attempt = message.attempts + 1;
		const recorded = await admin.rpc('record_email_attempt', {
			message_id: message.id,
			succeeded: error === null,
			error: error ?? undefined,
			retry_in: `${Math.round(retryDelayMs(attempt, options.backoff) / 1000)} seconds`,
			max_attempts: options.maxAttempts ?? 5
		});
		if (recorded.error) throw new Error(`record_email_attempt: ${recorded.error.message}`);
		if (recorded.data === 'sent') result.sent++;
		else if (recorded.data === 'failed') result.failed++;
		else result.retrying++;
	}
	return result;
}
