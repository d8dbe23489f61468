import nodemailer from 'nodemailer';
import type { SendMail } from './outbox';

/**
 * Sends through the SMTP server named by a URL (`smtp://user:pass@host:587`, `smtps://…` for TLS
 * from the start): the local mailbox on the local stack, the institution's relay elsewhere.
 */
export function smtpSender(smtpUrl: string, from: string): SendMail {
	const transport = nodemailer.createTransport(smtpUrl);
	return async (email) => {
		await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
	};
}
