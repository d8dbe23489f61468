import { z } from 'zod';
import { Constants, type Database } from '$lib/database.types';
import { formatDate } from '$lib/format';
import type { Language, MessageKey } from '$lib/i18n';
import { translate } from '$lib/i18n';
import { enumLabel } from '$lib/i18n/enums';
import { hasControlCharacters } from '$lib/text/control';
import { checkedRange, type ChangesRange } from './changes';

/**
 * The sessions of a region's Consejo Regional MOP (issue 10 §4): the form's schema, how a session
 * is named to a reader, and the period between two of them that "what changed" shows.
 */

export type CouncilSessionKind = Database['public']['Enums']['council_session_kind'];

export interface CouncilSession {
	id: number;
	region_code: string;
	held_on: string;
	kind: CouncilSessionKind;
	place: string;
	notes: string | null;
}

const message = (key: MessageKey) => ({ error: key });
const clean = (text: string) => !hasControlCharacters(text.replace(/[\n\r\t]/g, ''));

export const councilSessionSchema = z.object({
	held_on: z.iso.date(message('council.form.dateRequired')),
	kind: z.enum(Constants.public.Enums.council_session_kind, message('council.form.kindRequired')),
	place: z
		.string(message('council.form.placeRequired'))
		.trim()
		.min(1, message('council.form.placeRequired'))
		.max(200, message('council.form.tooLong'))
		.refine(clean, message('council.form.invalid')),
	notes: z
		.string()
		.trim()
		.max(20000, message('council.form.tooLong'))
		.refine(clean, message('council.form.invalid'))
		.transform((text) => text || null)
});

export type CouncilSessionInput = z.infer<typeof councilSessionSchema>;

/** «sesión ordinaria del 01-10-2026»: how the heading of /cambios and the lists name a session. */
export function sessionLabel(session: Pick<CouncilSession, 'held_on' | 'kind'>, lang: Language): string {
	return translate(lang, 'council.sessionLabel', {
		kind: enumLabel(lang, 'council_session_kind', session.kind).toLowerCase(),
		date: formatDate(session.held_on, lang)
	});
}

/** A session id as the URL carries it (`?desde_sesion=12`), or null. */
export function parseSessionId(value: string | null): number | null {
	if (!value || !/^[1-9]\d{0,15}$/.test(value)) return null;
	const id = Number(value);
	return Number.isSafeInteger(id) ? id : null;
}

export type SessionsRange =
	| { ok: true; range: ChangesRange; regionCode: string; from: CouncilSession; to: CouncilSession }
	| { ok: false; reason: 'unknown' | 'otherRegion' | 'order' };

/**
 * From one session's day to the other's, both included (a change made on a session's day is in
 * both periods that meet there). `from` and `to` are null when the caller cannot read that
 * session, which reads the same as a session that does not exist.
 */
export function rangeBetweenSessions(from: CouncilSession | null, to: CouncilSession | null): SessionsRange {
	if (!from || !to) return { ok: false, reason: 'unknown' };
	if (from.region_code !== to.region_code) return { ok: false, reason: 'otherRegion' };
	const range = checkedRange(from.held_on, to.held_on);
	return range
		? { ok: true, range, regionCode: from.region_code, from, to }
		: { ok: false, reason: 'order' };
}
