import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_ANSWER, type MyAnswer, type MyAnswerText } from '$lib/quiz/my-answer';
import { importProgress } from '$lib/storage/backup';
import { exportProgress } from '$lib/storage/export';
import { loadMyAnswer, saveMyAnswer } from '$lib/storage/my-answers';
import { hiddenId, type SyncKeys } from '$lib/sync/crypto';
import { createKeycheck } from '$lib/sync/keycheck';
import { deckFrom, TERMS } from '../content/notes';
import { Device, memoryPouch, phoneAndLaptop, settle } from './devices';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const MINUTE = 60_000;
const DECK = deckFrom(TERMS);
const QUESTION = 'cto-role/what-a-cto-is/q/interview';
const OTHER = 'cto-role/hiring/q/interview';

let keys: SyncKeys;

beforeAll(async () => {
	keys = (await createKeycheck('correct horse battery staple', 100_000)).keys;
});

const twoDevices = () => phoneAndLaptop(keys, DECK, NOW);

/** Saves an answer as the question's page does, at `now`. */
function write(device: Device, item: string, text: Partial<MyAnswerText>, now: number) {
	return saveMyAnswer(device.db, { ...EMPTY_ANSWER, ...text, item, updatedAt: now });
}

/** Every document on the server, as the server holds it. */
async function serverText(server: ReturnType<typeof memoryPouch>): Promise<string> {
	const changes = await server.changes({ since: 0, limit: 10_000, include_docs: true });
	expect(changes.results.length).toBeGreaterThan(0);
	return JSON.stringify(changes.results.map((change) => change.doc));
}

describe('an answer of your own written on one device', () => {
	it('reaches the other, the server holding none of its text or its question', async () => {
		const { server, phone, laptop } = await twoDevices();
		await write(phone, QUESTION, { situation: 'Two-teams-one-service', action: 'Merged' }, NOW);
		expect(await phone.sync(NOW)).toMatchObject({ editsSent: 1, notSent: [], refused: [] });
		expect(await laptop.sync(NOW)).toMatchObject({ editsReceived: 1, refused: [] });
		expect(await loadMyAnswer(laptop.db, QUESTION)).toEqual({
			...EMPTY_ANSWER,
			situation: 'Two-teams-one-service',
			action: 'Merged',
			item: QUESTION,
			updatedAt: NOW
		});
		const stored = await serverText(server);
		for (const plain of ['Two-teams-one-service', 'Merged', QUESTION, '"situation"', 'myAnswer']) {
			expect(stored).not.toContain(plain);
		}
	});

	it('with a script typed in it reaches the other made harmless, and stops no run', async () => {
		const { phone, laptop } = await twoDevices();
		const typed = 'I wrote <script>alert(1)</script> on the board';
		await write(phone, QUESTION, { notes: typed }, NOW);
		await write(phone, OTHER, { task: 'Hire' }, NOW + 1);
		expect(await phone.sync(NOW)).toMatchObject({ editsSent: 2, notSent: [], refused: [] });
		expect(await laptop.sync(NOW)).toMatchObject({ editsReceived: 2, refused: [] });
		expect((await loadMyAnswer(laptop.db, QUESTION))?.notes).toBe(
			'I wrote ‹script>alert(1)‹/script> on the board'
		);
		expect((await loadMyAnswer(laptop.db, OTHER))?.task).toBe('Hire');
		// Kept here exactly as typed: only what leaves the device is made harmless.
		expect((await loadMyAnswer(phone.db, QUESTION))?.notes).toBe(typed);
	});

	it('emptied there later is emptied on the other too', async () => {
		const { phone, laptop } = await twoDevices();
		await write(phone, QUESTION, { result: 'Shipped' }, NOW);
		await settle([phone, laptop], NOW);
		expect(await loadMyAnswer(laptop.db, QUESTION)).not.toBeNull();
		await write(phone, QUESTION, {}, NOW + MINUTE);
		await settle([phone, laptop], NOW + MINUTE);
		for (const device of [phone, laptop]) {
			expect(await loadMyAnswer(device.db, QUESTION)).toBeNull();
		}
	});
});

describe('an answer of your own written offline on both devices', () => {
	it.each([
		{ first: 'phone', later: 'laptop' },
		{ first: 'laptop', later: 'phone' }
	] as const)('on the $first, then later on the $later: the later wins on both', async (order) => {
		const devices = await twoDevices();
		await write(devices[order.first], QUESTION, { situation: 'first' }, NOW);
		await write(devices[order.later], QUESTION, { action: 'later' }, NOW + 5 * MINUTE);
		await settle([devices[order.first], devices[order.later]], NOW + 10 * MINUTE);
		for (const device of [devices.phone, devices.laptop]) {
			expect(await loadMyAnswer(device.db, QUESTION)).toEqual({
				...EMPTY_ANSWER,
				action: 'later',
				item: QUESTION,
				updatedAt: NOW + 5 * MINUTE
			});
		}
		const id = await hiddenId(keys, 'a', QUESTION);
		expect(await devices.server.get(id, { conflicts: true })).not.toHaveProperty('_conflicts');
	});

	it('saved before sync existed is sent, but loses to any edit stamped since', async () => {
		const { phone, laptop } = await twoDevices();
		const old: MyAnswer = { ...EMPTY_ANSWER, item: QUESTION, task: 'old', updatedAt: NOW };
		await phone.db.put('myAnswers', old);
		await phone.db.put('myAnswers', { ...old, item: OTHER });
		await write(laptop, QUESTION, { task: 'new' }, NOW - MINUTE);
		await settle([phone, laptop], NOW + MINUTE);
		for (const device of [phone, laptop]) {
			expect((await loadMyAnswer(device.db, QUESTION))?.task).toBe('new');
			expect((await loadMyAnswer(device.db, OTHER))?.task).toBe('old');
		}
	});
});

describe('answers of your own in a backup', () => {
	it('leave out the clock reading; an import stamps those it takes, which then sync', async () => {
		const { phone, laptop } = await twoDevices();
		await write(phone, QUESTION, { notes: 'phone' }, NOW);
		await settle([phone, laptop], NOW);
		const alone = await Device.start(memoryPouch('alone'), keys, DECK, NOW);
		await write(alone, QUESTION, { notes: 'from the file' }, NOW + 2 * MINUTE);
		const backup = await exportProgress(alone.db, NOW + 2 * MINUTE);
		expect(backup.myAnswers).toEqual([
			{ ...EMPTY_ANSWER, notes: 'from the file', item: QUESTION, updatedAt: NOW + 2 * MINUTE }
		]);
		await importProgress(laptop.db, { backup, rebuilt: 0 }, NOW + 3 * MINUTE);
		await settle([laptop, phone], NOW + 3 * MINUTE);
		for (const device of [phone, laptop]) {
			expect((await loadMyAnswer(device.db, QUESTION))?.notes).toBe('from the file');
		}
	});
});
