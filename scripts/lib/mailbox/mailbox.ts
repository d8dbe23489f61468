// The local mailbox: an SMTP sink the local stack runs (like Supabase's local Inbucket/Mailpit), so
// the mail the app sends never leaves the machine and tests can read it. Messages are parsed with
// mailparser and kept as JSON files in a folder of the stack; a small HTTP API on 127.0.0.1 lists
// them for the app's admin page (/admin/correo) and for tests, behind a token of its own.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { MailboxMessage } from '../../../src/lib/server/mail/local-mailbox.ts';

/** What the app reads of a message (its /admin/correo page), plus the HTML part. */
export interface StoredMessage extends MailboxMessage {
	html: string | null;
}

export interface MailboxOptions {
	dir: string;
	host: string;
	smtpPort: number;
	httpPort: number;
	/** Bearer token the HTTP API requires (secrets.json: mailboxToken). */
	token: string;
	/** Larger messages are refused (SMTP SIZE). */
	maxBytes?: number;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
	const list = Array.isArray(value) ? value : value ? [value] : [];
	return list.flatMap((a) => a.value.flatMap((v) => (v.address ? [v.address.toLowerCase()] : [])));
}

export function readMessages(dir: string): StoredMessage[] {
	let files: string[];
	try {
		files = readdirSync(dir).filter((f) => f.endsWith('.json'));
	} catch {
		return [];
	}
	return files
		.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as StoredMessage)
		.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id));
}

function authorised(header: string | undefined, token: string): boolean {
	const given = Buffer.from(header ?? '');
	const expected = Buffer.from(`Bearer ${token}`);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

export function createMailbox(options: MailboxOptions): { smtp: SMTPServer; http: Server } {
	mkdirSync(options.dir, { recursive: true, mode: 0o700 });
	const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;

	const smtp = new SMTPServer({
		// Loopback only and nothing is relayed: no TLS or authentication to set up.
		disabledCommands: ['STARTTLS', 'AUTH'],
		authOptional: true,
		size: maxBytes,
		logger: false,
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((mail) => {
					const message: StoredMessage = {
						id: `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`,
						receivedAt: new Date().toISOString(),
						from:
							addresses(mail.from)[0] ??
							(session.envelope.mailFrom || undefined)?.address ??
							'',
						// The envelope says who it was delivered to (Bcc included).
						to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
						subject: mail.subject ?? '',
						text: mail.text ?? '',
						html: typeof mail.html === 'string' ? mail.html : null
					};
					writeFileSync(join(options.dir, `${message.id}.json`), JSON.stringify(message), {
						mode: 0o600
					});
					callback();
				})
				.catch((error: Error) => callback(error));
		}
	});

	const http = createServer((req, res) => {
		const url = new URL(req.url ?? '/', `http://${options.host}`);
		const send = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify(body));
		};
		if (url.pathname === '/health') return send(200, { ok: true });
		if (!authorised(req.headers.authorization, options.token))
			return send(401, { error: 'unauthorised' });
		if (url.pathname === '/messages' && req.method === 'GET') {
			const to = url.searchParams.get('to')?.toLowerCase();
			const messages = readMessages(options.dir).filter((m) => !to || m.to.includes(to));
			return send(200, messages);
		}
		if (url.pathname === '/messages' && req.method === 'DELETE') {
			for (const m of readMessages(options.dir))
				rmSync(join(options.dir, `${m.id}.json`), { force: true });
			return send(200, { deleted: true });
		}
		const one = /^\/messages\/([a-z0-9-]+)$/.exec(url.pathname);
		if (one && req.method === 'GET') {
			const message = readMessages(options.dir).find((m) => m.id === one[1]);
			return message ? send(200, message) : send(404, { error: 'not found' });
		}
		return send(404, { error: 'not found' });
	});

	return { smtp, http };
}
