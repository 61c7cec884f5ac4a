import { beforeAll, describe, expect, it } from 'vitest';
import { NO_MARKS } from '$lib/marks/marks';
import { exportProgress } from '$lib/storage/export';
import { hiddenId, type SyncKeys } from '$lib/sync/crypto';
import { compareHlc, parseHlc, type Hlc } from '$lib/sync/hlc';
import { createKeycheck } from '$lib/sync/keycheck';
import { deckFrom, TERMS } from '../content/notes';
import { phoneAndLaptop, settle } from './devices';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const MINUTE = 60_000;
const DECK = deckFrom(TERMS);
const [FIRST, SECOND] = DECK.items.map((item) => item.id) as [string, string];

let keys: SyncKeys;

beforeAll(async () => {
	keys = (await createKeycheck('correct horse battery staple', 100_000)).keys;
});

const twoDevices = () => phoneAndLaptop(keys, DECK, NOW);

describe("a card's marks changed on one device", () => {
	it('reach the other, the server holding no card id, note or field name', async () => {
		const { server, phone, laptop } = await twoDevices();
		await phone.mark([FIRST], { flagged: true, note: 'Quorum-reads-matter' }, NOW);
		expect(await phone.sync(NOW)).toMatchObject({ editsSent: 1, refused: [] });
		expect(await laptop.sync(NOW)).toMatchObject({ editsReceived: 1, refused: [] });
		expect((await laptop.marks())[FIRST]).toEqual({
			item: FIRST,
			...NO_MARKS,
			flagged: true,
			note: 'Quorum-reads-matter',
			updatedAt: NOW
		});
		const changes = await server.changes({ since: 0, limit: 100, include_docs: true });
		const stored = JSON.stringify(changes.results.map((change) => change.doc));
		for (const plain of [FIRST, 'Quorum-reads-matter', '"flagged"', '"note"', '"mark"']) {
			expect(stored).not.toContain(plain);
		}
	});

	it('with a tag typed in the note reach the other, the tag made harmless', async () => {
		const { phone, laptop } = await twoDevices();
		await phone.mark([FIRST], { note: 'use <b>bold</b>' }, NOW);
		expect(await phone.sync(NOW)).toMatchObject({ editsSent: 1 });
		expect(await laptop.sync(NOW)).toMatchObject({ editsReceived: 1, refused: [] });
		expect((await laptop.marks())[FIRST]?.note).toBe('use ‹b>bold‹/b>');
	});

	it('stored before sync existed are sent, but lose to any edit stamped since', async () => {
		const { phone, laptop } = await twoDevices();
		await phone.db.put('marks', { item: FIRST, ...NO_MARKS, suspended: true, updatedAt: NOW });
		await phone.db.put('marks', { item: SECOND, ...NO_MARKS, flagged: true, updatedAt: NOW });
		await laptop.mark([FIRST], { note: 'mine' }, NOW - MINUTE);
		await settle([phone, laptop], NOW + MINUTE);
		for (const device of [phone, laptop]) {
			const marks = await device.marks();
			expect(marks[FIRST]).toMatchObject({ suspended: false, note: 'mine' });
			expect(marks[SECOND]).toMatchObject({ flagged: true });
		}
	});

	it('are stamped one card after another, each reading its own', async () => {
		const { phone } = await twoDevices();
		await phone.mark([FIRST, SECOND], { suspended: true }, NOW);
		const [first, second] = await Promise.all(
			[FIRST, SECOND].map(async (item) => parseHlc((await phone.db.get('marks', item))?.hlc ?? ''))
		);
		expect(compareHlc(second as Hlc, first as Hlc)).toBe(1);
	});

	it('go into a backup without the clock reading of their last edit', async () => {
		const { phone } = await twoDevices();
		await phone.mark([FIRST], { flagged: true }, NOW);
		const backup = await exportProgress(phone.db, NOW);
		expect(backup.marks).toEqual([{ item: FIRST, ...NO_MARKS, flagged: true, updatedAt: NOW }]);
	});
});

describe("a card's marks changed offline on both devices", () => {
	it.each([
		{ first: 'phone', later: 'laptop' },
		{ first: 'laptop', later: 'phone' }
	] as const)(
		'on the $first, then later on the $later: the later edit wins on both, whole',
		async ({ first, later }) => {
			const devices = await twoDevices();
			await devices[first].mark([FIRST], { suspended: true }, NOW);
			await devices[later].mark([FIRST], { note: 'later' }, NOW + 5 * MINUTE);
			// The device with the older edit syncs first: its edit reaches the server first.
			await settle([devices[first], devices[later]], NOW + 10 * MINUTE);
			for (const device of [devices.phone, devices.laptop]) {
				expect((await device.marks())[FIRST]).toEqual({
					item: FIRST,
					...NO_MARKS,
					note: 'later',
					updatedAt: NOW + 5 * MINUTE
				});
			}
			const id = await hiddenId(keys, 'm', FIRST);
			const doc = (await devices.server.get(id, { conflicts: true })) as object;
			expect(doc).not.toHaveProperty('_conflicts');
		}
	);
});
