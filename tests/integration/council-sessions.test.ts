// The Regional Council's sessions (area pmg) as the app meets them: real users signed in through
// Auth, their JWTs sent by supabase-js, RLS and column grants deciding. Fixtures live in 2091
// (nothing else records sessions then) and are removed with the service key afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClient, type TestClient, must, signedInUser } from '../support/supabase.ts';

type Who = 'secretariat08' | 'gore08' | 'secretariat09' | 'planner' | 'admin';
let service: TestClient;
const users: Record<Who, { id: string; client: TestClient }> = {} as never;
let session08: number;

beforeAll(async () => {
	service = testClient({ key: 'service' });
	users.secretariat08 = await signedInUser(service, {
		role: 'secretariat',
		region: '08',
		label: 'council'
	});
	users.gore08 = await signedInUser(service, { role: 'gore', region: '08', label: 'council' });
	users.secretariat09 = await signedInUser(service, {
		role: 'secretariat',
		region: '09',
		label: 'council'
	});
	users.planner = await signedInUser(service, { role: 'planner', label: 'council' });
	users.admin = await signedInUser(service, { role: 'admin', label: 'council' });
	const [created] = must(
		await users.secretariat08.client
			.from('council_sessions')
			.insert({ region_code: '08', held_on: '2091-03-02', kind: 'ordinary', place: 'Concepción' })
			.select('id,created_by,created_at')
	);
	session08 = created.id;
	expect(created.created_by).toBe(users.secretariat08.id);
});

afterAll(async () => {
	await service.from('council_sessions').delete().gte('held_on', '2091-01-01').lte('held_on', '2091-12-31');
	for (const user of Object.values(users)) await service.auth.admin.deleteUser(user.id);
});

const byId = (who: Who) => users[who].client.from('council_sessions').select('id').eq('id', session08);

describe('council_sessions', () => {
	it("is read by the region's regional roles and admins, not by another region nor planners", async () => {
		expect(must(await byId('secretariat08'))).toHaveLength(1);
		expect(must(await byId('gore08'))).toHaveLength(1);
		expect(must(await byId('admin'))).toHaveLength(1);
		expect(must(await byId('secretariat09'))).toHaveLength(0);
		expect(must(await byId('planner'))).toHaveLength(0);
		// Anonymous visitors have no privilege on the table at all.
		const anonymous = await testClient().from('council_sessions').select('id').eq('id', session08);
		expect(anonymous.error?.code).toBe('42501');
	});

	it("another region's secretariat cannot create, edit or delete a session there", async () => {
		const insert = await users.secretariat09.client
			.from('council_sessions')
			.insert({ region_code: '08', held_on: '2091-03-03', kind: 'extraordinary', place: 'Temuco' });
		expect(insert.error?.code).toBe('42501');
		const update = await users.secretariat09.client
			.from('council_sessions')
			.update({ notes: 'Reescrito' }, { count: 'exact' })
			.eq('id', session08);
		expect(update.error).toBeNull();
		expect(update.count).toBe(0);
		const remove = await users.secretariat09.client
			.from('council_sessions')
			.delete({ count: 'exact' })
			.eq('id', session08);
		expect(remove.count).toBe(0);
		const [kept] = must(await service.from('council_sessions').select('notes').eq('id', session08));
		expect(kept.notes).toBeNull();
	});

	it('the GORE reads but does not write', async () => {
		const update = await users.gore08.client
			.from('council_sessions')
			.update({ notes: 'GORE' }, { count: 'exact' })
			.eq('id', session08);
		expect(update.count).toBe(0);
		const insert = await users.gore08.client
			.from('council_sessions')
			.insert({ region_code: '08', held_on: '2091-03-04', kind: 'ordinary', place: 'Concepción' });
		expect(insert.error?.code).toBe('42501');
	});

	it('authorship, timestamps and the region are not the client’s to set', async () => {
		const client = users.secretariat08.client;
		for (const forged of [
			{ created_by: users.admin.id },
			{ created_at: '2020-01-01T00:00:00Z' },
			{ updated_at: '2020-01-01T00:00:00Z' }
		]) {
			const insert = await client.from('council_sessions').insert({
				region_code: '08',
				held_on: '2091-04-01',
				kind: 'ordinary',
				place: 'Sala',
				...forged
			});
			expect(insert.error?.code, JSON.stringify(forged)).toBe('42501');
			const update = await client.from('council_sessions').update(forged).eq('id', session08);
			expect(update.error?.code, JSON.stringify(forged)).toBe('42501');
		}
		const move = await client.from('council_sessions').update({ region_code: '09' }).eq('id', session08);
		expect(move.error?.code).toBe('42501');
	});

	it('its own secretariat edits it; the database stamps the change', async () => {
		const [before] = must(
			await service.from('council_sessions').select('updated_at').eq('id', session08)
		);
		const [after] = must(
			await users.secretariat08.client
				.from('council_sessions')
				.update({ notes: '**Acuerdo 1**: priorizar el puente' })
				.eq('id', session08)
				.select('notes,updated_at,created_by')
		);
		expect(after.notes).toBe('**Acuerdo 1**: priorizar el puente');
		expect(after.created_by).toBe(users.secretariat08.id);
		expect(new Date(after.updated_at).getTime()).toBeGreaterThan(new Date(before.updated_at).getTime());
	});
});
