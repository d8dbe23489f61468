import { z } from 'zod';
import { Constants } from '$lib/database.types';
import type { MessageKey } from '$lib/i18n';
import { cleanMultilineText } from '$lib/text/control';

// The compose form of the publishing desk: what the form posts, validated at the boundary (the
// database checks it again), and the times the form shows in Chile's zone.

const message = (key: MessageKey) => ({ error: key });
const clean = (text: string) => cleanMultilineText(text);

export const INTENTS = ['draft', 'schedule', 'publish', 'archive', 'save'] as const;
export type Intent = (typeof INTENTS)[number];

const optionalId = z
	.string()
	.optional()
	.transform((value) => (value && /^\d{1,18}$/.test(value) ? Number(value) : null));

export const composeSchema = z
	.object({
		intent: z.enum(INTENTS),
		title: z
			.string(message('desk.error.title'))
			.transform(clean)
			.pipe(
				z.string().trim().min(1, message('desk.error.title')).max(300, message('desk.error.tooLong'))
			),
		summary: z
			.string()
			.default('')
			.transform(clean)
			.pipe(z.string().trim().max(2000, message('desk.error.tooLong'))),
		body_md: z
			.string()
			.default('')
			.transform(clean)
			.pipe(z.string().max(200_000, message('desk.error.tooLong'))),
		kind: z.enum(Constants.public.Enums.publication_kind, message('desk.error.kind')),
		communes: z.array(z.string().regex(/^\d{5}$/)).max(400),
		projects: z
			.array(
				z
					.string()
					.regex(/^\d{1,18}$/)
					.transform(Number)
			)
			.max(100),
		commitments: z
			.array(
				z
					.string()
					.regex(/^\d{1,18}$/)
					.transform(Number)
			)
			.max(100),
		flow_id: optionalId,
		due_on: z
			.string()
			.optional()
			.transform((value) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null)),
		scheduled_at: z
			.string()
			.optional()
			.transform((value) => (value && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? value : null)),
		expected_updated_at: z.string().optional()
	})
	.superRefine((value, context) => {
		if (value.intent === 'schedule' && !value.scheduled_at)
			context.addIssue({ code: 'custom', path: ['scheduled_at'], message: 'desk.error.scheduledAt' });
		if (value.flow_id !== null && !value.due_on)
			context.addIssue({ code: 'custom', path: ['due_on'], message: 'desk.error.period' });
	});

export type ComposeInput = z.input<typeof composeSchema>;
export type ComposeValues = z.output<typeof composeSchema>;
export type ComposeField = keyof ComposeValues;
export type ComposeErrors = Partial<Record<ComposeField, MessageKey>>;

/** The form post as the schema's input (lists from repeated fields). */
export function composeInput(form: FormData): Record<string, unknown> {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : undefined;
	};
	const list = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');
	return {
		intent: text('intent'),
		title: text('title'),
		summary: text('summary'),
		body_md: text('body_md'),
		kind: text('kind'),
		communes: list('communes'),
		projects: list('projects'),
		commitments: list('commitments'),
		flow_id: text('flow_id'),
		due_on: text('due_on'),
		scheduled_at: text('scheduled_at'),
		expected_updated_at: text('expected_updated_at')
	};
}

/** The first problem of each field, as an i18n key. */
export function composeErrors(error: z.ZodError): ComposeErrors {
	const errors: ComposeErrors = {};
	for (const issue of error.issues) {
		const field = issue.path[0] as ComposeField;
		if (!errors[field])
			errors[field] = (
				issue.message.includes('.') ? issue.message : 'desk.error.tooLong'
			) as MessageKey;
	}
	return errors;
}

const TIME_ZONE = 'America/Santiago';

/** Minutes Chile's clock is ahead of UTC at an instant (negative: -180 in summer, -240 in winter). */
function chileOffsetMinutes(instant: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: TIME_ZONE,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit'
	}).formatToParts(new Date(instant));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
	return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** `2026-12-01T10:00` read on a clock in Chile → the instant, as ISO 8601 in UTC. */
export function chileLocalToIso(local: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
	if (!match) throw new Error(`not a local date-time: ${local}`);
	const [, y, mo, d, h, mi] = match.map(Number);
	const wall = Date.UTC(y, mo - 1, d, h, mi);
	// The offset at the wall time read as UTC is right except within hours of a DST change;
	// a second pass with the offset at the candidate instant settles it.
	let instant = wall - chileOffsetMinutes(wall) * 60_000;
	instant = wall - chileOffsetMinutes(instant) * 60_000;
	return new Date(instant).toISOString();
}

/** An instant → the `YYYY-MM-DDTHH:mm` a datetime-local field shows on a clock in Chile. */
export function isoToChileLocal(iso: string): string {
	const instant = new Date(iso).getTime();
	const shifted = new Date(instant + chileOffsetMinutes(instant) * 60_000);
	return shifted.toISOString().slice(0, 16);
}

/** The status a save asks for, from the button pressed and the publication's current status. */
export function statusFor(
	intent: Intent,
	current: (typeof Constants.public.Enums.publication_status)[number] | null
): (typeof Constants.public.Enums.publication_status)[number] {
	switch (intent) {
		case 'draft':
			return 'draft';
		case 'schedule':
			return 'scheduled';
		case 'publish':
			return 'published';
		case 'archive':
			return 'archived';
		case 'save':
			return current ?? 'draft';
	}
}
