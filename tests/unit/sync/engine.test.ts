import { beforeAll, describe, expect, it } from 'vitest';
import { exportProgress } from '$lib/storage/backup';
import { undoAnswer } from '$lib/state/answers';
import { replayCard } from '$lib/srs/scheduler';
import { Rating, State } from '$lib/srs/types';
import { seal, type SyncKeys } from '$lib/sync/crypto';
import { createKeycheck } from '$lib/sync/keycheck';
import { deckFrom, TERMS } from '../content/notes';
import { phoneAndLaptop, settle } from './devices';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const MINUTE = 60_000;
const DECK = deckFrom(TERMS);
const [FIRST, SECOND] = DECK.items.map((item) => item.id) as [string, string];

let keys: SyncKeys;
let otherKeys: SyncKeys;

beforeAll(async () => {
	keys = (await createKeycheck('correct horse battery staple', 100_000)).keys;
	otherKeys = (await createKeycheck('another passphrase entirely', 100_000)).keys;
});

const twoDevices = () => phoneAndLaptop(keys, DECK, NOW);

describe('two devices that studied offline', () => {
	it('both end with every answer and the same card states', async () => {
		const { phone, laptop } = await twoDevices();
		await phone.answer(FIRST, Rating.Good, NOW);
		await phone.answer(FIRST, Rating.Again, NOW + 10 * MINUTE);
		await laptop.answer(SECOND, Rating.Easy, NOW + 5 * MINUTE);
		await laptop.answer(SECOND, Rating.Hard, NOW + 6 * MINUTE, 'cram');
		await settle([phone, laptop]);
		const reviews = await phone.reviews();
		expect(reviews).toHaveLength(4);
		expect(await laptop.reviews()).toEqual(reviews);
		expect(await laptop.cards()).toEqual(await phone.cards());
		expect(Object.keys(await phone.cards()).sort()).toEqual([FIRST, SECOND].sort());
	});

	it('keeps both answers to the same card, and replays them in time order on each', async () => {
		const { phone, laptop } = await twoDevices();
		await phone.answer(FIRST, Rating.Good, NOW);
		await laptop.answer(FIRST, Rating.Again, NOW + 2 * MINUTE);
		await settle([phone, laptop]);
		const reviews = await phone.reviews();
		expect(reviews.map((review) => review.rating)).toEqual([Rating.Good, Rating.Again]);
		const cards = await phone.cards();
		expect(await laptop.cards()).toEqual(cards);
		const replayed = replayCard({ ...cards[FIRST]!, id: FIRST }, reviews).state;
		expect(cards[FIRST]).toEqual(replayed);
		// Both answers count, the laptop's Again last, as if both were given on one device.
		expect(cards[FIRST]?.reps).toBe(2);
		expect(cards[FIRST]?.lastReview).toBe(NOW + 2 * MINUTE);
		// Each answer records the card as it was before it, on both devices alike: the laptop's
		// Again was given to a card it saw new, but came after the phone's Good.
		for (const device of [phone, laptop]) {
			const [good, again] = await device.reviews();
			expect(again).toMatchObject({ state: State.Learning, logDue: good?.time });
		}
		// So undoing the latest answer, on either device, goes back to the card after the Good.
		const [good] = await laptop.reviews();
		const latest = (await laptop.db.getAll('reviews')).find((r) => r.rating === Rating.Again);
		await undoAnswer(laptop.db, latest?.id as number);
		expect((await laptop.cards())[FIRST]).toEqual(
			replayCard({ ...cards[FIRST]!, id: FIRST }, [good!]).state
		);
	});

	it('sends nothing twice: a second run exchanges nothing', async () => {
		const { server, phone, laptop } = await twoDevices();
		await phone.answer(FIRST, Rating.Good, NOW);
		await settle([phone, laptop]);
		expect(await phone.sync()).toMatchObject({ sent: 0, received: 0, removed: 0, refused: [] });
		expect(await laptop.sync()).toMatchObject({ sent: 0, received: 0, removed: 0, refused: [] });
		// One document for the answer, none for what the laptop received.
		expect((await server.info()).doc_count).toBe(1);
	});

	it('an answer undone on one device is removed on the other, its card new again', async () => {
		const { phone, laptop } = await twoDevices();
		const { review } = await phone.answer(FIRST, Rating.Good, NOW);
		await settle([phone, laptop]);
		expect(await laptop.reviews()).toHaveLength(1);
		await undoAnswer(phone.db, review.id as number);
		const report = await phone.sync();
		expect(report.removalsSent).toBe(1);
		expect((await laptop.sync()).removed).toBe(1);
		expect(await laptop.reviews()).toEqual([]);
		expect(await laptop.cards()).toEqual({});
	});
});

describe('a device that stopped syncing and signed in again', () => {
	it('seals nothing the server has twice, so an undo there removes the answer everywhere', async () => {
		const { server, phone, laptop } = await twoDevices();
		const { review } = await phone.answer(FIRST, Rating.Good, NOW);
		await settle([phone, laptop]);
		await phone.signInAgain();
		expect(await phone.sync()).toMatchObject({ sent: 0, received: 0 });
		const id = `r:${review.uid as string}`;
		const doc = (await server.get(id, { conflicts: true })) as { _conflicts?: string[] };
		expect(doc._conflicts ?? []).toEqual([]);
		await undoAnswer(phone.db, review.id as number);
		await settle([phone, laptop]);
		expect(await phone.reviews()).toEqual([]);
		expect(await laptop.reviews()).toEqual([]);
	});
});

describe('what the server holds', () => {
	it('is ciphertext: no card text, no field name of an answer', async () => {
		const { server, phone } = await twoDevices();
		await phone.answer(FIRST, Rating.Good, NOW);
		await phone.sync();
		const changes = await server.changes({ since: 0, limit: 100, include_docs: true });
		const stored = JSON.stringify(changes.results.map((change) => change.doc));
		expect(stored).toContain('"c":');
		for (const plain of ['rating', 'durationMs', 'stability', FIRST, DECK.id, 'review']) {
			expect(stored).not.toContain(plain);
		}
	});
});

describe('documents a server should never hold', () => {
	it('are refused, counted and reported, and nothing stored changes', async () => {
		const { server, phone, laptop } = await twoDevices();
		await phone.answer(FIRST, Rating.Good, NOW);
		await settle([phone, laptop]);
		const before = await exportProgress(laptop.db, NOW + MINUTE);
		const id = () => `r:${crypto.randomUUID()}`;
		const sealedScript = async () => {
			const uid = crypto.randomUUID();
			const body = {
				kind: 'review',
				review: { ...(await phone.reviews())[0], uid, card: '<script>alert(1)</script>' }
			};
			return seal(keys, `r:${uid}`, body);
		};
		await server.bulkDocs([
			{ _id: id(), c: 'not base64 at all!' },
			await seal(otherKeys, id(), { kind: 'review' }),
			{ ...(await seal(keys, id(), { kind: 'review' })), extra: 'field' },
			await sealedScript(),
			{ _id: id(), c: 'A'.repeat(8_000_000) }
		]);
		const report = await laptop.sync();
		expect(report.refused).toHaveLength(5);
		expect(report.received).toBe(0);
		expect(report.refused.join('\n')).toMatch(/HTML or a script/);
		expect(await exportProgress(laptop.db, NOW + MINUTE)).toEqual(before);
		// Refused once: the next run does not count them again.
		expect((await laptop.sync()).refused).toEqual([]);
	});
});
