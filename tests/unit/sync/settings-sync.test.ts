import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/settings';
import { CLOCK } from '$lib/storage/clock';
import { loadSyncProgress, SYNC_PROGRESS } from '$lib/storage/sync-records';
import { settingEditsToSend } from '$lib/storage/sync-settings';
import { hiddenId, type SyncKeys } from '$lib/sync/crypto';
import { sealBody } from '$lib/sync/documents';
import { sealEdits } from '$lib/sync/per-key';
import { ClockSkewError } from '$lib/sync/errors';
import { formatHlc } from '$lib/sync/hlc';
import { createKeycheck } from '$lib/sync/keycheck';
import type { SyncDatabase } from '$lib/sync/pouch';
import { deckFrom, TERMS } from '../content/notes';
import { phoneAndLaptop, settle } from './devices';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DECK = deckFrom(TERMS);

let keys: SyncKeys;

beforeAll(async () => {
	keys = (await createKeycheck('correct horse battery staple', 100_000)).keys;
});

const twoDevices = () => phoneAndLaptop(keys, DECK, NOW);

/** The revisions of a document that are leaves and not deleted: more than one is a conflict. */
async function leaves(db: SyncDatabase, id: string): Promise<number> {
	const doc = (await db.get(id, { conflicts: true })) as { _conflicts?: string[] };
	return 1 + (doc._conflicts?.length ?? 0);
}

describe('a setting changed on one device', () => {
	it('reaches the other, and is sent once', async () => {
		const { server, phone, laptop } = await twoDevices();
		await phone.setting('newPerDay', 35, NOW);
		expect(await phone.sync(NOW + MINUTE)).toMatchObject({ editsSent: 1, refused: [] });
		expect(await laptop.sync(NOW + MINUTE)).toMatchObject({ editsReceived: 1, editsSent: 0 });
		expect((await laptop.settings()).newPerDay).toBe(35);
		// Nothing goes back and forth: neither device has an edit left to send.
		for (const device of [phone, laptop]) {
			expect(await device.sync(NOW + 2 * MINUTE)).toMatchObject({
				editsSent: 0,
				editsReceived: 0,
				refused: []
			});
		}
		// One document, the setting's: the device's own records (`meta:`) never sync.
		expect((await server.info()).doc_count).toBe(1);
	});

	it('is noted as sent, and the note is kept while the device receives', async () => {
		const { phone, laptop } = await twoDevices();
		await phone.setting('newPerDay', 35, NOW);
		await laptop.setting('newPerDeck', 5, NOW);
		await phone.sync(NOW + MINUTE);
		// The laptop sends its edit, then receives the phone's.
		expect(await laptop.sync(NOW + MINUTE)).toMatchObject({ editsSent: 1, editsReceived: 1 });
		const sent = (await laptop.db.get('settings', 'newPerDeck'))?.hlc;
		// It received first, so its note covers the phone's edit too when that one is the later.
		const noted = (await loadSyncProgress(laptop.db)).editsSent?.setting;
		expect(noted && sent && noted >= sent).toBe(true);
		// So the next run reads no edit of its own again (only, at most, one it received since).
		expect(await settingEditsToSend(laptop.db, sent ?? null)).not.toContainEqual(
			expect.objectContaining({ key: 'newPerDeck' })
		);
		await phone.sync(NOW + MINUTE);
		for (const device of [phone, laptop]) {
			expect(await device.settings()).toMatchObject({ newPerDay: 35, newPerDeck: 5 });
		}
	});

	it('saved before sync existed is sent, but loses to any edit stamped since', async () => {
		const { phone, laptop } = await twoDevices();
		await phone.db.put('settings', { key: 'newPerDay', value: 40 });
		await phone.db.put('settings', { key: 'newPerDeck', value: 7 });
		await laptop.setting('newPerDay', 50, NOW);
		await settle([phone, laptop], NOW + MINUTE);
		for (const device of [phone, laptop]) {
			expect(await device.settings()).toMatchObject({ newPerDay: 50, newPerDeck: 7 });
		}
	});
});

describe('a setting changed offline on both devices', () => {
	const cases = [
		{ first: 'phone', later: 'laptop', syncsFirst: 'phone' },
		{ first: 'phone', later: 'laptop', syncsFirst: 'laptop' },
		{ first: 'laptop', later: 'phone', syncsFirst: 'phone' },
		{ first: 'laptop', later: 'phone', syncsFirst: 'laptop' }
	] as const;

	it.each(cases)(
		'on the $first, then later on the $later ($syncsFirst syncs first): the later wins on both',
		async ({ first, later, syncsFirst }) => {
			const devices = await twoDevices();
			await devices[first].setting('desiredRetention', 0.8, NOW);
			await devices[later].setting('desiredRetention', 0.95, NOW + 5 * MINUTE);
			const other = syncsFirst === 'phone' ? 'laptop' : 'phone';
			await settle([devices[syncsFirst], devices[other]], NOW + 10 * MINUTE);
			for (const device of [devices.phone, devices.laptop]) {
				expect((await device.settings()).desiredRetention).toBe(0.95);
			}
		}
	);

	it('is a conflict that both devices resolve alike, the server left with one leaf', async () => {
		const { server, phone, laptop } = await twoDevices();
		await phone.setting('interviewSeconds', 300, NOW + 5 * MINUTE);
		await laptop.setting('interviewSeconds', 90, NOW);
		const id = await hiddenId(keys, 's', 'interviewSeconds');
		await phone.sync(NOW + 10 * MINUTE);
		// The laptop sends its edit before it has seen the phone's (a run receives first, so only
		// runs that overlap do this): two leaves of one document.
		await sealEdits(laptop.db, laptop.local, keys, 500);
		await laptop.local.replicate.to(server);
		expect(await leaves(server, id)).toBe(2);
		await settle([phone, laptop], NOW + 11 * MINUTE);
		expect(await leaves(server, id)).toBe(1);
		for (const device of [phone, laptop]) {
			expect(await leaves(device.local, id)).toBe(1);
			expect((await device.settings()).interviewSeconds).toBe(300);
		}
		// The one left is the phone's newer edit on the server too.
		const [winner] = await Promise.all([server.get(id), laptop.local.get(id)]);
		expect(await laptop.local.get(id)).toEqual(winner);
	});

	it('keeps the newest leaf that opens: one that does not is refused, and deleted', async () => {
		const { server, phone, laptop } = await twoDevices();
		await phone.setting('dayStartHour', 6, NOW);
		await phone.sync(NOW + MINUTE);
		const id = await hiddenId(keys, 's', 'dayStartHour');
		await server.bulkDocs([{ _id: id, _rev: '1-ffffffffffffffffffffffffffffffff', c: 'AAAA' }], {
			new_edits: false
		});
		expect(await leaves(server, id)).toBe(2);
		const report = await laptop.sync(NOW + MINUTE);
		expect(report.refused).toHaveLength(1);
		expect((await laptop.settings()).dayStartHour).toBe(6);
		await laptop.sync(NOW + 2 * MINUTE);
		expect(await leaves(server, id)).toBe(1);
		await phone.sync(NOW + 2 * MINUTE);
		expect((await phone.settings()).dayStartHour).toBe(6);
	});
});

describe('an edit older than the one here', () => {
	it('is not stored, even as the newest revision of its document', async () => {
		const { server, laptop } = await twoDevices();
		await laptop.setting('newPerDeck', 12, NOW + MINUTE);
		await laptop.sync(NOW + MINUTE);
		const id = await hiddenId(keys, 's', 'newPerDeck');
		const here = (await server.get(id)) as { _rev: string };
		const older = formatHlc({ wall: NOW, counter: 0, node: 'stale' });
		const doc = await sealBody(keys, { kind: 'setting', key: 'newPerDeck', value: 3, hlc: older });
		await server.put({ ...doc, _rev: here._rev });
		expect(await laptop.sync(NOW + 2 * MINUTE)).toMatchObject({ editsReceived: 0, refused: [] });
		expect((await laptop.settings()).newPerDeck).toBe(12);
	});
});

describe('an edit stamped by a clock over an hour ahead', () => {
	it('is refused and reported, and nothing stored changes', async () => {
		const { server, laptop } = await twoDevices();
		await laptop.setting('reviewsPerDay', 150, NOW);
		await laptop.sync(NOW);
		const before = await laptop.db.getAll('settings');
		const ahead = formatHlc({ wall: NOW + HOUR + MINUTE, counter: 0, node: 'fast-clock' });
		const doc = await sealBody(keys, {
			kind: 'setting',
			key: 'reviewsPerDay',
			value: 999,
			hlc: ahead
		});
		const id = await hiddenId(keys, 's', 'reviewsPerDay');
		const here = (await server.get(id)) as { _rev: string };
		await server.put({ ...doc, _rev: here._rev });
		const report = await laptop.sync(NOW);
		expect(report.refused).toEqual([new ClockSkewError().message]);
		expect(report.editsReceived).toBe(0);
		const after = await laptop.db.getAll('settings');
		// Only where the inbox was read up to moved; the setting and the clock stayed.
		const kept = (records: typeof before) => records.filter((r) => r.key !== SYNC_PROGRESS);
		expect(kept(after)).toEqual(kept(before));
		expect(after.find((r) => r.key === CLOCK)).toEqual(before.find((r) => r.key === CLOCK));
		expect((await laptop.settings()).reviewsPerDay).toBe(150);
	});
});

describe('what the server holds of settings', () => {
	it('is ciphertext: no setting name, value, clock or field name', async () => {
		const { server, phone } = await twoDevices();
		await phone.setting('desiredRetention', 0.8765, NOW);
		await phone.setting('interviewSeconds', 1234, NOW);
		await phone.setting('listenPauseSeconds', 7.25, NOW);
		await phone.sync(NOW);
		const changes = await server.changes({ since: 0, limit: 100, include_docs: true });
		expect(changes.results).toHaveLength(3);
		const stored = JSON.stringify(changes.results.map((change) => change.doc));
		const node = (await phone.db.get('settings', 'meta:deviceId'))?.value as string;
		const plain = ['desiredRetention', 'interviewSeconds', 'listenPauseSeconds', '0.8765', '1234'];
		for (const text of [...plain, '7.25', '"kind"', '"value"', '"hlc"', 'setting', node]) {
			expect(stored).not.toContain(text);
		}
		expect(DEFAULT_SETTINGS.desiredRetention).not.toBe(0.8765);
	});
});
