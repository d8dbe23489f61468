/** A message the local mailbox received (scripts/lib/mailbox keeps them as it parsed them). */
export interface MailboxMessage {
	id: string;
	receivedAt: string;
	from: string;
	to: string[];
	subject: string;
	text: string;
}

/**
 * The messages of the local stack's mailbox, newest first, or null when no local mailbox is
 * configured (a hosted deployment sends through a real SMTP relay and has none).
 */
export async function readLocalMailbox(
	url: string | undefined,
	token: string | undefined
): Promise<MailboxMessage[] | null> {
	if (!url || !token) return null;
	const response = await fetch(`${url}/messages`, {
		headers: { authorization: `Bearer ${token}` },
		signal: AbortSignal.timeout(5000)
	});
	if (!response.ok) throw new Error(`local mailbox answered ${response.status}`);
	return (await response.json()) as MailboxMessage[];
}
