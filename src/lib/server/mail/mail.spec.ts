import { describe, expect, it } from 'vitest';
import { deliveryEmail, type ClaimedEmail } from './delivery-email';
import { digestEmail } from './digest';
import { retryDelayMs } from './outbox';

const claimed: ClaimedEmail = {
	id: 7,
	to_address: 'ana@gore.cl',
	attempts: 0,
	publication_id: 42,
	title: 'Cartera de <b>octubre</b>',
	summary: 'Avance de la cartera.',
	kind: 'report',
	published_at: '2026-11-09T15:00:00Z',
	region_code: '05',
	due_on: '2026-11-10',
	flow_information: 'Informe mensual'
};

describe('the delivery e-mail', () => {
	it('says what it delivers, with the links to read and acknowledge it', () => {
		const email = deliveryEmail(claimed, 'https://tablero.mop.cl/');
		expect(email.to).toBe('ana@gore.cl');
		expect(email.subject).toBe('Entrega de información: Cartera de <b>octubre</b>');
		expect(email.text).toContain('Entrega del flujo «Informe mensual», período que vence el 10-11-2026.');
		expect(email.text).toContain('https://tablero.mop.cl/publicaciones/42');
		expect(email.text).toContain('https://tablero.mop.cl/bandeja');
		expect(email.text).toContain('Informe publicado el 9 nov 2026');
	});
});

describe('back-off', () => {
	it('doubles after each failure, up to its cap', () => {
		const backoff = { baseMs: 60_000, maxMs: 300_000 };
		expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, backoff))).toEqual([
			60_000, 120_000, 240_000, 300_000, 300_000
		]);
	});
});

describe('the digest', () => {
	it('is not sent when nothing changed', () => {
		expect(digestEmail('ana@gore.cl', 'daily', [], 'https://tablero.mop.cl')).toBeNull();
	});
	it('lists each change with its link', () => {
		const email = digestEmail(
			'ana@gore.cl',
			'weekly',
			[
				{
					at: '2026-11-20T12:00:00Z',
					subject: 'project',
					subject_id: 9,
					title: 'Camino costero',
					change: 'status',
					old_value: 'in_progress',
					new_value: 'halted',
					reason: 'region'
				}
			],
			'https://tablero.mop.cl'
		)!;
		expect(email.subject).toBe('Resumen semanal de lo que sigue: 1 novedad');
		expect(email.text).toContain('Camino costero — Estado: En curso → Paralizado');
		expect(email.text).toContain('https://tablero.mop.cl/proyectos/9');
	});
});
