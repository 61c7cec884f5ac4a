import { ClockSkewError } from '$lib/sync/errors';
import { compareHlc, parseHlc } from '$lib/sync/hlc';
import { readClock, seeReading, unstampedReading, type ClockStore } from './clock';
import type { IDBPTransaction, StoreNames } from 'idb';
import type { StudyDatabase, StudyDB } from './db';
import { inTransaction, write } from './transaction';

// What sync reads from and writes to a store of per-key records (settings, marks, own answers,
// own decks): each record
// with the clock reading of its last edit, the newest edit of a key winning on every device. The
// store's own module says which of its records sync, and what they hold.

/** The stores of per-key records that sync. */
export type EditStore = 'settings' | 'marks' | 'myAnswers' | 'decks';

/** A record as sync sends and receives it, and the reading (formatHlc's text) of its last edit. */
export interface Edit<T> {
	record: T;
	hlc: string;
}

/** A stored record, and the reading of its last edit when it has one. */
type Stamped = { hlc?: string };

/**
 * A read-write transaction on a per-key store and the settings (where the clock is); for decks,
 * on their cards too (see storeNewestEdits' `put`).
 */
function open(db: StudyDatabase, store: EditStore) {
	const names: StoreNames<StudyDB>[] = store === 'settings' ? ['settings'] : [store, 'settings'];
	if (store === 'decks') names.push('cards');
	const tx: EditTransaction = db.transaction(names, 'readwrite');
	const records = tx.objectStore(store as 'marks');
	return { tx, records, settings: tx.objectStore('settings') as ClockStore };
}

/** The transaction storeNewestEdits stores in (spanning the stores `open` names). */
export type EditTransaction = IDBPTransaction<StudyDB, StoreNames<StudyDB>[], 'readwrite'>;

/**
 * The records of `store` edited after the reading `after` (null: all of them), oldest edit first.
 * Records saved before edits were stamped are given their reading now (see unstampedReading:
 * older than any stamped edit) and are among them, whatever `after` is.
 * @param read the record as it syncs, or null for one that does not (a damaged record, or one
 * that stays on this device)
 */
export async function editsToSend<T>(
	db: StudyDatabase,
	store: EditStore,
	after: string | null,
	read: (record: unknown) => T | null
): Promise<Edit<T>[]> {
	const { tx, records, settings } = open(db, store);
	return inTransaction(tx, async () => {
		const edits: Edit<T>[] = [];
		for (const stored of (await records.getAll()) as Stamped[]) {
			const record = read(stored);
			if (record === null) continue;
			if (stored.hlc === undefined) {
				const hlc = await unstampedReading(settings);
				write(records.put({ ...stored, hlc } as never));
				edits.push({ record, hlc });
			} else if (after === null || stored.hlc > after) {
				// formatHlc's texts compare as their readings do.
				edits.push({ record, hlc: stored.hlc });
			}
		}
		return edits.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
	});
}

/**
 * Stores records edited on other devices, in one transaction: each where its edit is newer than
 * the one here (a record saved before edits were stamped is older than any), the clock advanced
 * past every reading seen (see receive). An edit stamped more than an hour ahead of `now` is
 * refused: nothing of it is stored, and the clock stays.
 * @param edits checked (see parseBody)
 * @param keyOf the key the store keeps a record under
 * @param put how a newer record is stored, in the transaction (by default, as it is)
 * @returns how many were stored, and how many were refused for their clock
 */
export async function storeNewestEdits<T extends object>(
	db: StudyDatabase,
	store: EditStore,
	edits: readonly Edit<T>[],
	keyOf: (record: T) => string,
	now: number,
	put?: (tx: EditTransaction, edit: Edit<T>) => Promise<void>
): Promise<{ stored: number; skewed: number }> {
	const { tx, records, settings } = open(db, store);
	return inTransaction(tx, async () => {
		let clock = await readClock(settings);
		let stored = 0;
		let skewed = 0;
		for (const { record, hlc } of edits) {
			const remote = parseHlc(hlc);
			if (remote === null) throw new RangeError(`Not a clock reading: ${hlc}`);
			try {
				clock = seeReading(settings, clock, remote, now);
			} catch (error) {
				if (!(error instanceof ClockSkewError)) throw error;
				skewed++;
				continue;
			}
			const here = (await records.get(keyOf(record))) as Stamped | undefined;
			const mine = here?.hlc === undefined ? null : parseHlc(here.hlc);
			if (mine !== null && compareHlc(remote, mine) <= 0) continue;
			if (put) await put(tx, { record, hlc });
			else write(records.put({ ...record, hlc } as never));
			stored++;
		}
		return { stored, skewed };
	});
}
