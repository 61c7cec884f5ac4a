import memory from 'pouchdb-adapter-memory';
import { recordAnswer } from '$lib/state/answers';
import { loadCardStates } from '$lib/storage/cards';
import type { StudyDatabase } from '$lib/storage/db';
import { loadDecks, storeDeck } from '$lib/storage/decks';
import { SYNC_ACCOUNT } from '$lib/storage/removals';
import { forgetSyncAccount } from '$lib/storage/sync-account';
import { changeMarks, loadMarks } from '$lib/storage/marks';
import { liveItems } from '$lib/storage/retire';
import { loadSettings, saveSetting } from '$lib/storage/settings';
import type { SettingKey, Settings } from '$lib/settings';
import { deckOf } from '$lib/content/ids';
import type { Deck } from '$lib/content/types';
import type { CardMark, CardMarks } from '$lib/marks/marks';
import type { Grade, Review } from '$lib/srs/types';
import type { SyncKeys } from '$lib/sync/crypto';
import { syncOnce, type SyncReport } from '$lib/sync/engine';
import { Pouch as AppPouch } from '$lib/sync/connect';
import type { SyncDatabase } from '$lib/sync/pouch';
import { freshDB } from '../storage/db';

// Devices and a server for sync tests, all in memory: each device is a study database (fake
// IndexedDB) and a local PouchDB; the server is one more PouchDB, as CouchDB's protocol is
// PouchDB's own.

// The app's PouchDB (replication included), with databases in memory as well.
const Pouch = AppPouch.plugin(memory);

let count = 0;

/** A CouchDB-like database in memory. */
export function memoryPouch(name: string): SyncDatabase {
	count += 1;
	return new Pouch(`${name}-${count}`, { adapter: 'memory' });
}

export const PARAMS = { retention: 0.9, fuzz: false };

/** A device that syncs with `server`. */
export class Device {
	private constructor(
		readonly db: StudyDatabase,
		public local: SyncDatabase,
		private readonly server: SyncDatabase,
		private readonly keys: SyncKeys
	) {}

	static async start(server: SyncDatabase, keys: SyncKeys, deck: Deck, now: number) {
		const db = await freshDB();
		await storeDeck(db, deck, now);
		// Signed in: removals are noted from now on.
		await db.put('settings', { key: SYNC_ACCOUNT, value: { server: 'memory' } });
		return new Device(db, memoryPouch('device'), server, keys);
	}

	/** Stops syncing and signs in again, as Settings does: its sealed copies and progress go. */
	async signInAgain(): Promise<void> {
		await forgetSyncAccount(this.db);
		await this.local.destroy();
		this.local = memoryPouch('device');
		await this.db.put('settings', { key: SYNC_ACCOUNT, value: { server: 'memory' } });
	}

	answer(card: string, grade: Grade, now: number, mode: Review['mode'] = 'review') {
		return recordAnswer(this.db, {
			card: { id: card, deck: deckOf(card) },
			grade,
			mode,
			now,
			durationMs: 2000,
			params: PARAMS
		});
	}

	/** Saves a setting as the settings page does, at `now`. */
	setting<K extends SettingKey>(key: K, value: Settings[K], now: number) {
		return saveSetting(this.db, key, value, now);
	}

	settings(): Promise<Settings> {
		return loadSettings(this.db);
	}

	/** Changes cards' marks as the card's menu does, at `now`. */
	mark(items: string[], change: Partial<CardMarks>, now: number) {
		return changeMarks(this.db, items, change, now);
	}

	async marks(): Promise<Record<string, CardMark>> {
		return Object.fromEntries(await loadMarks(this.db));
	}

	/**
	 * One run of sync, at `now` (this device's clock; the time of day when not given), with the
	 * decks stored here as the app passes them (the site's deck and own decks).
	 */
	async sync(now?: number): Promise<SyncReport> {
		return syncOnce(
			this.db,
			{ local: this.local, remote: this.server },
			this.keys,
			liveItems(await loadDecks(this.db)),
			now
		);
	}

	/** Every answer here, in the order they were given, without this device's keys. */
	async reviews(): Promise<Review[]> {
		const all = await this.db.getAll('reviews');
		return all
			.map(({ id: _id, ...review }) => review as Review)
			.sort((a, b) => a.time - b.time || ((a.uid ?? '') < (b.uid ?? '') ? -1 : 1));
	}

	async cards() {
		return Object.fromEntries(await loadCardStates(this.db));
	}
}

/** A server in memory and two devices that sync with it, a phone and a laptop. */
export async function phoneAndLaptop(keys: SyncKeys, deck: Deck, now: number) {
	const server = memoryPouch('server');
	const phone = await Device.start(server, keys, deck, now);
	const laptop = await Device.start(server, keys, deck, now);
	return { server, phone, laptop };
}

/** Each device syncs twice, in turn (at `now`, or the clock's time): then none has more to exchange. */
export async function settle(devices: readonly Device[], now?: number): Promise<void> {
	for (let round = 0; round < 2; round++) for (const device of devices) await device.sync(now);
}
