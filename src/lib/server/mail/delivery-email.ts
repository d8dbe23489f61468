import { formatDate, formatDateLong } from '$lib/format';
import { translate } from '$lib/i18n';
import { enumLabel } from '$lib/i18n/enums';
import type { Database } from '$lib/database.types';

export type ClaimedEmail = Database['public']['Functions']['claim_due_emails']['Returns'][number];

export interface OutgoingEmail {
	to: string;
	subject: string;
	text: string;
}

/**
 * The message a delivery sends to one contact: title, summary and the links to read it and to
 * acknowledge it. Plain text only, so nothing the secretariat wrote is ever interpreted as markup
 * by a mail client. Always in Spanish: the recipients are Chilean public bodies.
 */
export function deliveryEmail(message: ClaimedEmail, siteUrl: string): OutgoingEmail {
	const base = siteUrl.replace(/\/+$/, '');
	const lines = [
		message.title,
		'',
		...(message.flow_information
			? [
					translate('es', 'flows.mail.deliveryOf', {
						flow: message.flow_information,
						period: message.due_on ? formatDate(message.due_on, 'es') : '—'
					}),
					''
				]
			: []),
		...(message.summary ? [message.summary, ''] : []),
		translate('es', 'flows.mail.read', { url: `${base}/publicaciones/${message.publication_id}` }),
		translate('es', 'flows.mail.acknowledge', { url: `${base}/bandeja` }),
		'',
		translate('es', 'flows.mail.footer', {
			kind: enumLabel('es', 'publication_kind', message.kind),
			date: message.published_at ? formatDateLong(message.published_at, 'es') : '—'
		})
	];
	return {
		to: message.to_address,
		subject: translate('es', 'flows.mail.subject', { title: message.title }),
		text: lines.join('\n')
	};
}
