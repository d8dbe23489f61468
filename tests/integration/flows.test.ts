// Flows through the API as the app and the mail job meet them (issue 9 §2): contacts under RLS,
// the outbox the database fills when a delivery of an e-mail flow is published, and a send that
// fails, is recorded and retried, then reaches the local mailbox. pgTAP (22_flows_outbox_follows)
// proves the rules one by one; these go through PostgREST with real sessions and real SMTP.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueEmails } from '../../src/lib/server/mail/outbox.ts';
import { smtpSender } from '../../src/lib/server/mail/transport.ts';
import { violatedConstraint } from '../../src/lib/errors.ts';
import { testClient, type TestClient, must, signedInUser } from '../support/supabase.ts';

const run = randomUUID().slice(0, 8);
const tag = (label: string) => `${label} [flows ${run}]`;
const address = (who: string) => `${who}-${run}@gore05.invalid`;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago' }).format(new Date());

let service: TestClient;
const users: Record<string, { id: string; client: TestClient }> = {};
const ids: Record<string, number> = {};

function setting(name: 'SMTP_URL' | 'LOCAL_MAILBOX_URL' | 'LOCAL_MAILBOX_TOKEN'): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} must be set (npm test sets it from the running stack)`);
	return value;
}

async function mailboxMessagesTo(to: string) {
	const response = await fetch(`${setting('LOCAL_MAILBOX_URL')}/messages?to=${encodeURIComponent(to)}`, {
		headers: { authorization: `Bearer ${setting('LOCAL_MAILBOX_TOKEN')}` }
	});
	expect(response.status).toBe(200);
	return (await response.json()) as { subject: string; text: string; to: string[] }[];
}

beforeAll(async () => {
	service = testClient({ key: 'service' });
	const institution = async (kind: 'regional_government', region: string) =>
		must(
			await service
				.from('institutions')
				.select('id')
				.eq('kind', kind)
				.eq('region_code', region)
				.single()
		).id;
	ids.gore05 = await institution('regional_government', '05');
	ids.gore13 = await institution('regional_government', '13');
	users.secretariat = await signedInUser(service, { role: 'secretariat', region: '05', label: 'flows' });
	users.gore = await signedInUser(service, { role: 'gore', region: '05', label: 'flows' });
	users.planner = await signedInUser(service, { role: 'planner', label: 'flows' });

	const flow = must(
		await users.secretariat.client
			.from('information_flows')
			.insert({
				region_code: '05',
				information: tag('Cartera por correo'),
				producer_institution_id: ids.gore05,
				channel: 'email',
				periodicity: 'monthly',
				first_due_on: today
			})
			.select('id,next_due_on')
			.single()
	);
	ids.flow = flow.id;
	expect(flow.next_due_on).toBe(today);
	must(
		await users.secretariat.client
			.from('information_flow_recipients')
			.insert({ flow_id: ids.flow, institution_id: ids.gore05 })
	);
});

afterAll(async () => {
	if (ids.publication) await service.from('publications').delete().eq('id', ids.publication);
	if (ids.flow) await service.from('information_flows').delete().eq('id', ids.flow);
	await service.from('contacts').delete().like('email', `%-${run}@%`);
	for (const user of Object.values(users)) await service.auth.admin.deleteUser(user.id);
});

describe('contacts: the region’s secretariat keeps them, the institution reads its own', () => {
	it('the secretariat adds a contact of its region’s government', async () => {
		const added = await users.secretariat.client
			.from('contacts')
			.insert({ institution_id: ids.gore05, name: 'Ana Pérez', email: address('ana') })
			.select('id')
			.single();
		expect(added.error).toBeNull();
		ids.contact = added.data!.id;
	});

	it('but not of another region’s', async () => {
		const refused = await users.secretariat.client
			.from('contacts')
			.insert({ institution_id: ids.gore13, name: 'Beto', email: address('beto') });
		expect(refused.error?.code).toBe('42501');
	});

	it('an address that is not one is refused with the constraint the app words', async () => {
		const refused = await users.secretariat.client
			.from('contacts')
			.insert({ institution_id: ids.gore05, name: 'Sin arroba', email: 'no-es-correo' });
		expect(refused.error?.code).toBe('23514');
		expect(violatedConstraint(refused.error!)).toBe('contacts_email_valid');
	});

	it('the regional government reads its own contacts; planners and the public none', async () => {
		const own = await users.gore.client.from('contacts').select('email').eq('id', ids.contact);
		expect(own.data).toEqual([{ email: address('ana') }]);
		const planner = await users.planner.client.from('contacts').select('id').eq('id', ids.contact);
		expect(planner.data).toEqual([]);
		const anon = await testClient().from('contacts').select('id').eq('id', ids.contact);
		expect(anon.data ?? []).toEqual([]);
	});
});

describe('a delivery by e-mail: queued by the database, retried, delivered to the local mailbox', () => {
	it('publishing a delivery queues one message per contact and advances the flow', async () => {
		const published = must(
			await users.secretariat.client
				.from('publications')
				.insert({
					region_code: '05',
					title: tag('Cartera de este mes'),
					summary: 'Resumen de la cartera regional.',
					kind: 'report',
					status: 'published',
					flow_id: ids.flow,
					due_on: today
				})
				.select('id')
				.single()
		);
		ids.publication = published.id;
		const outbox = must(
			await users.secretariat.client
				.from('email_outbox')
				.select('to_address,status,attempts')
				.eq('publication_id', ids.publication)
		);
		expect(outbox).toEqual([{ to_address: address('ana'), status: 'queued', attempts: 0 }]);
		const flow = must(
			await users.secretariat.client
				.from('information_flows')
				.select('next_due_on')
				.eq('id', ids.flow)
				.single()
		);
		expect((flow.next_due_on ?? '') > today).toBe(true);
	});

	it('the regional government does not read the outbox, nor can anyone write it', async () => {
		const read = await users.gore.client
			.from('email_outbox')
			.select('id')
			.eq('publication_id', ids.publication);
		expect(read.data).toEqual([]);
		const forged = await users.secretariat.client
			.from('email_outbox')
			.update({ status: 'sent' })
			.eq('publication_id', ids.publication)
			.select('id');
		expect(forged.error?.code).toBe('42501');
		const claim = await users.secretariat.client.rpc('claim_due_emails', {});
		expect(claim.error?.code).toBe('42501');
	});

	it('a failed send is recorded with its error and tried again after its back-off, then sent', async () => {
		const options = { siteUrl: 'http://tablero.invalid', backoff: { baseMs: 1000, maxMs: 1000 } };
		await sendDueEmails(
			service,
			async () => {
				throw new Error('SMTP caído (prueba)');
			},
			options
		);
		const failed = must(
			await service
				.from('email_outbox')
				.select('status,attempts,last_error,next_attempt_at')
				.eq('publication_id', ids.publication)
				.single()
		);
		expect(failed).toMatchObject({ status: 'queued', attempts: 1, last_error: 'SMTP caído (prueba)' });
		expect(Date.parse(failed.next_attempt_at)).toBeGreaterThan(Date.now());
		const publication = must(
			await service.from('publications').select('status').eq('id', ids.publication).single()
		);
		expect(publication.status).toBe('published');

		await new Promise((resolve) => setTimeout(resolve, 1200));
		await sendDueEmails(
			service,
			smtpSender(setting('SMTP_URL'), 'Tablero <tablero@prueba.invalid>'),
			options
		);
		const sent = must(
			await service
				.from('email_outbox')
				.select('status,attempts,sent_at')
				.eq('publication_id', ids.publication)
				.single()
		);
		expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
		expect(sent.sent_at).not.toBeNull();

		const messages = await mailboxMessagesTo(address('ana'));
		expect(messages).toHaveLength(1);
		expect(messages[0].subject).toBe(`Entrega de información: ${tag('Cartera de este mes')}`);
		expect(messages[0].text).toContain('Resumen de la cartera regional.');
		expect(messages[0].text).toContain(`http://tablero.invalid/publicaciones/${ids.publication}`);
	});

	it('the mailbox answers only with its token', async () => {
		const response = await fetch(`${setting('LOCAL_MAILBOX_URL')}/messages`);
		expect(response.status).toBe(401);
	});
});
