import { beforeEach, describe, expect, it } from 'vitest';
import { app } from '$lib/state/app.svelte';
import { sync, type SyncRunner } from '$lib/state/sync.svelte';
import { ownDeck } from '$lib/import/own-deck';
import { storeDeck } from '$lib/storage/decks';
import { loadSyncAccount } from '$lib/storage/sync-account';
import { signIn, SyncError } from '$lib/sync/connect';
import { syncOnce } from '$lib/sync/engine';
import type { SyncDatabase } from '$lib/sync/pouch';
import { memoryPouch } from '../sync/devices';
import { answeredGood, DECK, freshDevice } from './site';

const ORIGIN = 'https://sync.example.org';
const PASSPHRASE = 'correct horse battery staple';
const NOW = Date.UTC(2026, 10, 23, 9, 0);
const CARD = DECK.items.find((item) => item.kind === 'basic')?.id as string;

let server: SyncDatabase;
let failing: Error | null;

/** The real engine against a server in memory, as the app's runner would run it over HTTP. */
function runner(): SyncRunner {
	let local = memoryPouch('local');
	return {
		signInTo: async (origin, username, password, passphrase, now) => {
			if (password !== 'secret') {
				throw new SyncError('The sync server did not accept that username and password.');
			}
			const keys = await signIn(server, passphrase, 100_000);
			return { origin, username, password, keys, since: now };
		},
		runSync: async (account, live) => {
			if (failing) throw failing;
			return syncOnce(await app.ready(), { local, remote: server }, account.keys, live);
		},
		forgetLocalDocuments: async () => {
			await local.destroy();
			local = memoryPouch('local');
		}
	};
}

/** A device of the learner's: fresh, the app loaded, sync given the server. */
async function device() {
	await freshDevice();
	sync.useRunnerForTests(ORIGIN, async () => runner());
	return app.ready();
}

beforeEach(() => {
	server = memoryPouch('server');
	failing = null;
});

describe('sync, as Settings shows it', () => {
	it('asks for a passphrase long enough, and stores nothing until signed in', async () => {
		const db = await device();
		expect(await sync.signIn('ada', 'secret', 'short')).toBe(false);
		expect(sync.problem).toMatch(/at least 10 characters/);
		expect(await sync.signIn(' ', 'secret', PASSPHRASE)).toBe(false);
		expect(sync.problem).toMatch(/username and password/);
		expect(await sync.signIn('ada', 'wrong', PASSPHRASE)).toBe(false);
		expect(sync.problem).toMatch(/did not accept/);
		expect(await loadSyncAccount(db)).toBeNull();
		expect(sync.username).toBeNull();
	});

	it('signs in, sends what this device learnt, and says when and what waits', async () => {
		const db = await device();
		await answeredGood(db, CARD, NOW);
		expect(await sync.signIn('ada', 'secret', PASSPHRASE)).toBe(true);
		expect(sync.username).toBe('ada');
		await sync.syncNow();
		expect(sync.log.lastSyncedAt).not.toBeNull();
		expect(sync.log.lastError).toBeNull();
		expect(sync.waiting).toBe(0);
		// The keycheck and the answer.
		expect((await server.info()).doc_count).toBe(2);
		// The passphrase is not kept; its keys are, and cannot be read out.
		const account = await loadSyncAccount(db);
		expect(JSON.stringify(account)).not.toContain(PASSPHRASE);
		expect(account?.keys.body.extractable).toBe(false);
	});

	it('refuses another passphrase on a second device, and stores nothing', async () => {
		await device();
		expect(await sync.signIn('ada', 'secret', PASSPHRASE)).toBe(true);
		await sync.syncNow();
		const db = await device();
		expect(await sync.signIn('ada', 'secret', 'not the same passphrase')).toBe(false);
		expect(sync.problem).toMatch(/does not match the one this account was set up with/);
		expect(await loadSyncAccount(db)).toBeNull();
	});

	it('brings another device’s answers and tells the pages; a failed run says why', async () => {
		const phone = await device();
		await answeredGood(phone, CARD, NOW);
		await sync.signIn('ada', 'secret', PASSPHRASE);
		await sync.syncNow();
		const laptop = await device();
		await sync.signIn('ada', 'secret', PASSPHRASE);
		const before = app.progress;
		await sync.syncNow();
		expect(await laptop.count('reviews')).toBe(1);
		expect(app.progress).toBeGreaterThan(before);
		failing = new SyncError('The sync server could not be reached.');
		await answeredGood(laptop, CARD, NOW + 86_400_000 * 3);
		await sync.syncNow();
		expect(sync.log.lastError).toMatch(/could not be reached/);
		expect(sync.waiting).toBe(1);
		expect(await laptop.count('reviews')).toBe(2);
	});

	it('shows an own deck from another device at once, and names one too large to sync', async () => {
		const phone = await device();
		const own = (id: string, title: string, back: string, count: number) =>
			ownDeck(
				{ id, title, file: `${id}.txt`, order: 1000, now: NOW },
				Array.from({ length: count }, (_, i) => ({
					key: `k${i}`,
					kind: 'basic' as const,
					front: `Q${i} ${back}`,
					back,
					tags: [],
					line: i
				}))
			);
		await storeDeck(phone, own('own-acme', 'Acme', 'Kubernetes', 2), NOW);
		await storeDeck(phone, own('own-huge', 'Everything', 'x'.repeat(9_000), 700), NOW);
		await sync.signIn('ada', 'secret', PASSPHRASE);
		await sync.syncNow();
		expect(sync.log.notSent?.reasons).toEqual([
			expect.stringMatching(/^Your deck “Everything” was not synced: it takes 1[0-9]\.\d MB/)
		]);
		await device();
		await sync.signIn('ada', 'secret', PASSPHRASE);
		await sync.syncNow();
		expect(app.decks.filter((deck) => deck.own).map((deck) => deck.id)).toEqual(['own-acme']);
	});

	it('stops and forgets the server, keeping everything on the device', async () => {
		const db = await device();
		await answeredGood(db, CARD, NOW);
		await sync.signIn('ada', 'secret', PASSPHRASE);
		await sync.syncNow();
		await sync.stop();
		expect(sync.username).toBeNull();
		expect(await loadSyncAccount(db)).toBeNull();
		expect(await db.count('reviews')).toBe(1);
		expect(await db.count('cards')).toBe(1);
	});
});
