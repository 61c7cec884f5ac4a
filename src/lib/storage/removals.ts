import type { IDBPTransaction, StoreNames } from 'idb';
import type { HistoryStore, Removal, StudyDatabase, StudyDB } from './db';
import { toStorageError } from './errors';
import { write } from './transaction';

/**
 * The settings record of the sync account this device syncs with; while there is none, nothing
 * removed is noted (no other device has a copy to remove).
 */
export const SYNC_ACCOUNT = 'meta:syncAccount';

/** A read-write transaction (spanning `settings` and `removals`, which the types cannot say). */
type RemovalTransaction = IDBPTransaction<StudyDB, StoreNames<StudyDB>[], 'readwrite'>;

/**
 * Inside a transaction that removes records of history, notes the removal of those that have
 * their own id, while this device syncs, so that sync removes the copies on other devices.
 * The transaction must span `settings` and `removals`.
 */
export async function noteRemovals(
	tx: RemovalTransaction,
	store: HistoryStore,
	records: readonly { uid?: string }[],
	now: number
): Promise<void> {
	const uids = records.flatMap((record) => (record.uid === undefined ? [] : [record.uid]));
	if (uids.length === 0 || !(await syncing(tx))) return;
	note(tx, store, uids, now);
}

/**
 * Inside a transaction that is about to clear stores of history (a reset, a backup replacing
 * progress), notes the removal of every record with its own id but those in `kept`, while this
 * device syncs. The transaction must span `settings`, `removals` and the stores.
 */
export async function noteClearing(
	tx: RemovalTransaction,
	stores: readonly HistoryStore[],
	now: number,
	kept: ReadonlySet<string> = new Set()
): Promise<void> {
	if (!(await syncing(tx))) return;
	for (const store of stores) {
		const uids: string[] = [];
		// A key cursor on the index reads the ids alone, not the records.
		let cursor = await tx.objectStore(store).index('by-uid').openKeyCursor();
		while (cursor) {
			const uid = cursor.key as string;
			if (!kept.has(uid)) uids.push(uid);
			cursor = await cursor.continue();
		}
		note(tx, store, uids, now);
	}
}

function syncing(tx: RemovalTransaction): Promise<boolean> {
	return tx
		.objectStore('settings')
		.get(SYNC_ACCOUNT)
		.then((account) => account !== undefined);
}

/**
 * Inside a transaction that deletes an own deck, notes its deletion while this device syncs, so
 * that sync deletes it on the other devices too. The transaction must span `settings` and
 * `removals`.
 */
export async function noteDeckRemoval(
	tx: RemovalTransaction,
	deckId: string,
	now: number
): Promise<void> {
	if (await syncing(tx)) note(tx, 'decks', [deckId], now);
}

function note(
	tx: RemovalTransaction,
	store: Removal['store'],
	uids: readonly string[],
	now: number
) {
	const removals = tx.objectStore('removals');
	for (const uid of uids) {
		const removal: Removal = { key: `${store}:${uid}`, store, uid, time: now };
		write(removals.put(removal));
	}
}

/** The removals noted and not yet synced, oldest first. */
export async function loadRemovals(db: StudyDatabase): Promise<Removal[]> {
	try {
		return (await db.getAll('removals')).sort((a, b) => a.time - b.time);
	} catch (error) {
		throw toStorageError(error);
	}
}

/** Forgets removals once the server has them (or sync is stopped). */
export async function forgetRemovals(db: StudyDatabase, keys: readonly string[]): Promise<void> {
	try {
		const tx = db.transaction('removals', 'readwrite');
		for (const key of keys) write(tx.store.delete(key));
		await tx.done;
	} catch (error) {
		throw toStorageError(error);
	}
}
