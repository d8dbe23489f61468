import { createClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { sendDueDigests } from './digest';
import { sendDueEmails } from './outbox';
import { smtpSender } from './transport';

export interface MailJobEnv {
	supabaseUrl: string;
	serviceKey: string | undefined;
	smtpUrl: string | undefined;
	from: string;
	siteUrl: string;
	pollMs: number;
}

/**
 * The app server's mail job: every `pollMs`, the due deliveries of the outbox, then the due
 * digests. Rounds never overlap. Without a service key or an SMTP URL it does not start (and says
 * so once): the outbox keeps the messages until a server that can send them runs.
 */
export function startMailJob(env: MailJobEnv): () => void {
	if (!env.serviceKey || !env.smtpUrl) {
		console.warn('Mail job not started: SUPABASE_SERVICE_ROLE_KEY and SMTP_URL are both needed.');
		return () => {};
	}
	// The one service-key client of the app: server-only, used by this job and nothing a request reaches.
	const admin = createClient<Database>(env.supabaseUrl, env.serviceKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const send = smtpSender(env.smtpUrl, env.from);
	let running = false;
	const round = async () => {
		if (running) return;
		running = true;
		try {
			const deliveries = await sendDueEmails(admin, send, { siteUrl: env.siteUrl });
			const digests = await sendDueDigests(admin, send, env.siteUrl);
			if (deliveries.sent + deliveries.retrying + deliveries.failed + digests.sent + digests.failed > 0)
				console.log(JSON.stringify({ job: 'mail', deliveries, digests }));
		} catch (error) {
			console.error('Mail round failed:', error instanceof Error ? error.message : error);
		} finally {
			running = false;
		}
	};
	const timer = setInterval(() => void round(), env.pollMs);
	timer.unref();
	void round();
	return () => clearInterval(timer);
}
