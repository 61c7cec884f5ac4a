import type { InterviewAnswer, QuizAttempt } from '$lib/quiz/types';
import type { CardState, Review } from '$lib/srs/types';
import { HISTORY_STORES, type HistoryStore, type StudyDatabase } from './db';
import { toStorageError } from './errors';
import { isRetired, type LiveItems } from './retire';
import { inTransaction, write } from './transaction';
import { newUid, withLegacyUid } from './uids';

// What sync reads from and writes to this device's history. Sync itself (sealing, the server)
// lives in $lib/sync; here records are only read in order and written as they are handed over.

/** A record of one of the history stores, as stored. */
export type HistoryRecord = Review | QuizAttempt | InterviewAnswer;

/** A record of history with its store, as sync hands it over or asks for it. */
export type HistoryEntry =
	| { store: 'reviews'; record: Review }
	| { store: 'quizAttempts'; record: QuizAttempt }
	| { store: 'interviewAnswers'; record: InterviewAnswer };

/** Where sync has got to on this device. */
export interface SyncProgress {
	/** Per store, the key of the last record handed to sync to send (0: none yet). */
	sent: Record<HistoryStore, number>;
	/** Where the inbox (the replicated documents) was read up to. */
	readSeq: number | string;
	/**
	 * Per kind of per-key record (`setting`, ...), the newest clock reading (formatHlc's text) of
	 * the edits handed to sync to send; absent until its first edit is.
	 */
	editsSent?: Partial<Record<string, string>>;
	/**
	 * Per store, the key of the last record the server is known to have (sent, and the push that
	 * carried it finished); absent until a push first did.
	 */
	confirmed?: Record<HistoryStore, number>;
}

/** The settings record of the sync progress. */
export const SYNC_PROGRESS = 'meta:syncProgress';

/** No record of any store: where sending starts. */
export const NOTHING_SENT: Readonly<Record<HistoryStore, number>> = {
	reviews: 0,
	quizAttempts: 0,
	interviewAnswers: 0
};

const START: SyncProgress = {
	sent: NOTHING_SENT,
	readSeq: 0
};

/** Where sync has got to, read inside a transaction on the settings store. */
async function progressIn(settings: {
	get(key: string): Promise<{ value: unknown } | undefined>;
}): Promise<SyncProgress> {
	return ((await settings.get(SYNC_PROGRESS))?.value as SyncProgress | undefined) ?? START;
}

/** Where sync has got to (from the start when it never ran, or was stopped). */
export async function loadSyncProgress(db: StudyDatabase): Promise<SyncProgress> {
	try {
		const record = await db.get('settings', SYNC_PROGRESS);
		return (record?.value as SyncProgress | undefined) ?? START;
	} catch (error) {
		throw toStorageError(error);
	}
}

/** Forgets where sync got to (when it is stopped): a new start sends and reads everything again. */
export async function forgetSyncProgress(db: StudyDatabase): Promise<void> {
	try {
		await db.delete('settings', SYNC_PROGRESS);
	} catch (error) {
		throw toStorageError(error);
	}
}

/**
 * Up to `limit` records of a history store stored after the key `after`, in key order, each with
 * its own id: records stored before ids existed are given theirs here, so that every later run
 * sends the same id.
 * @returns the records, and the key of the last one (`after` when there are none)
 */
export async function historyToSend(
	db: StudyDatabase,
	store: HistoryStore,
	after: number,
	limit: number
): Promise<{ records: HistoryRecord[]; last: number }> {
	const tx = db.transaction(store, 'readwrite');
	return inTransaction(tx, async () => {
		const records: HistoryRecord[] = [];
		let last = after;
		let cursor = await tx.store.openCursor(IDBKeyRange.lowerBound(after, true));
		while (cursor && records.length < limit) {
			let record = cursor.value;
			if (record.uid === undefined) {
				record = withLegacyUid(store, record);
				// Two records alike in every field that names them (the same answer twice in one
				// millisecond) cannot share an id: the second is given a random one.
				if (await tx.store.index('by-uid').getKey(record.uid as string)) {
					record = { ...record, uid: newUid() };
				}
				write(cursor.update(record));
			}
			records.push(record);
			last = cursor.primaryKey;
			cursor = await cursor.continue();
		}
		return { records, last };
	});
}

/** Notes that the records of a store up to the key `last` were handed to sync, once they are. */
export async function markSent(
	db: StudyDatabase,
	store: HistoryStore,
	last: number
): Promise<void> {
	const tx = db.transaction('settings', 'readwrite');
	await inTransaction(tx, async () => {
		const progress = await progressIn(tx.store);
		write(
			tx.store.put({
				key: SYNC_PROGRESS,
				value: { ...progress, sent: { ...progress.sent, [store]: last } }
			})
		);
	});
}

/**
 * Notes that the edits of a per-key kind (`setting`, ...) up to the reading `hlc` were handed to
 * sync, once they are.
 */
export async function markEditsSent(db: StudyDatabase, kind: string, hlc: string): Promise<void> {
	const tx = db.transaction('settings', 'readwrite');
	await inTransaction(tx, async () => {
		const progress = await progressIn(tx.store);
		const editsSent = { ...progress.editsSent, [kind]: hlc };
		write(tx.store.put({ key: SYNC_PROGRESS, value: { ...progress, editsSent } }));
	});
}

/** Notes that the server has every record handed to sync up to `sent` (a push finished). */
export async function markConfirmed(
	db: StudyDatabase,
	sent: Record<HistoryStore, number>
): Promise<void> {
	const tx = db.transaction('settings', 'readwrite');
	await inTransaction(tx, async () => {
		const progress = await progressIn(tx.store);
		write(tx.store.put({ key: SYNC_PROGRESS, value: { ...progress, confirmed: sent } }));
	});
}

/** Which of these ids the store holds a record of (so that sync skips what it already has). */
export async function knownUids(
	db: StudyDatabase,
	store: HistoryStore,
	uids: readonly string[]
): Promise<Set<string>> {
	try {
		const index = db.transaction(store).store.index('by-uid');
		const keys = await Promise.all(uids.map((uid) => index.getKey(uid)));
		return new Set(uids.filter((_uid, i) => keys[i] !== undefined));
	} catch (error) {
		throw toStorageError(error);
	}
}

/** What sync read from the other devices, to store here. */
export interface Received {
	/** Records to add (those already here, by id, are skipped). */
	add: readonly HistoryEntry[];
	/** Records removed on another device. */
	remove: readonly { store: HistoryStore; uid: string }[];
	/** Where the inbox was read up to, with these. */
	readSeq: number | string;
}

/**
 * Works out a card's state from all its answers (null: none that schedule, so it is new), and
 * its scheduled answers each with the card's state before it, in the order they were given.
 */
export type Rebuild = (
	card: Pick<CardState, 'id' | 'deck' | 'retired' | 'requested'>,
	reviews: readonly Review[]
) => { state: CardState | null; reviews: readonly Review[] };

/**
 * Stores what sync received, in one transaction: records added (unless here already), records
 * removed, the state of every card they touch rebuilt from all its answers by `rebuild`, and the
 * inbox position. Records added are not sent back: when nothing was stored here since sync last
 * looked, its sent position moves past them.
 * @returns how many records were added and removed, and the card states rebuilt
 */
export async function storeReceived(
	db: StudyDatabase,
	received: Received,
	rebuild: Rebuild,
	live: LiveItems
): Promise<{ added: number; removed: number; cards: CardState[] }> {
	const tx = db.transaction([...HISTORY_STORES, 'cards', 'settings'], 'readwrite');
	return inTransaction(tx, async () => {
		const settings = tx.objectStore('settings');
		const progress = await progressIn(settings);
		const sent = { ...progress.sent };
		const lastKeys = await Promise.all(
			HISTORY_STORES.map((store) => tx.objectStore(store).openKeyCursor(null, 'prev'))
		);
		const upToDate = HISTORY_STORES.filter(
			(store, i) => (lastKeys[i]?.primaryKey ?? 0) === progress.sent[store]
		);
		const touched = new Map<string, string>();
		let added = 0;
		for (const { store, record } of received.add) {
			const here = tx.objectStore(store);
			if (record.uid === undefined || (await here.index('by-uid').getKey(record.uid))) continue;
			const copy: HistoryRecord = { ...record };
			delete copy.id;
			const key = await here.add(copy as never);
			added++;
			if (upToDate.includes(store)) sent[store] = key;
			if (store === 'reviews') touched.set(record.card, record.deck);
		}
		let removed = 0;
		for (const { store, uid } of received.remove) {
			const cursor = await tx.objectStore(store).index('by-uid').openCursor(uid);
			if (!cursor) continue;
			if (store === 'reviews') {
				const review = cursor.value as Review;
				touched.set(review.card, review.deck);
			}
			write(cursor.delete());
			removed++;
		}
		const cards = tx.objectStore('cards');
		const reviewStore = tx.objectStore('reviews');
		const byCard = reviewStore.index('by-card');
		const rebuilt: CardState[] = [];
		for (const [id, deck] of touched) {
			const stored = await cards.get(id);
			const identity = stored ?? {
				id,
				deck,
				retired: isRetired({ id, deck }, live),
				requested: null
			};
			const given = await byCard.getAll(id);
			const { state, reviews } = rebuild(identity, given);
			// An answer given on another device meanwhile changes what came before later answers:
			// each keeps the state it followed, so that undo goes back to the right one.
			const before = new Map(given.map((review) => [review.id, JSON.stringify(review)]));
			for (const review of reviews) {
				if (before.get(review.id) !== JSON.stringify(review)) write(reviewStore.put(review));
			}
			if (state) {
				write(cards.put(state));
				rebuilt.push(state);
			} else if (stored) write(cards.delete(id));
		}
		write(
			settings.put({ key: SYNC_PROGRESS, value: { ...progress, sent, readSeq: received.readSeq } })
		);
		return { added, removed, cards: rebuilt };
	});
}
