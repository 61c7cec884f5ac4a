import { fromBase64 } from '$lib/backup/recordings';
import type { CheckedBackup } from '$lib/backup/parse';
import { mergeMyAnswers, mergeRecordings } from '$lib/backup/merge';
import { marksToStore } from '$lib/backup/marks';
import { asOwnDeck, ownDecksToStore } from '$lib/backup/own-decks';
import { isOwnDeckId } from '$lib/content/ids';
import { SETTING_KEYS } from '$lib/settings';
import { stamp } from './clock';
import { HISTORY_STORES, type HistoryStore, type StudyDatabase } from './db';
import { toStorageError } from './errors';
import { INTERVIEW_DATE, PROGRESS_STORES } from './export';
import { liveItems, settleRetired } from './retire';
import { readableAnswers } from './my-answers';
import { noteClearing } from './removals';
import { inTransaction, write } from './transaction';
import { newUid, withLegacyUid } from './uids';

/** Where the sessions kept across leaving are (`meta:session:study` and the like). */
const keptSessions = () => IDBKeyRange.bound('meta:session:', 'meta:session:\uffff');

export { exportBackup, exportProgress, type ExportedBackup } from './export';

/** How many records of each kind a backup import stored. */
export interface ImportSummary {
	cards: number;
	reviews: number;
	quizAttempts: number;
	interviewAnswers: number;
	settings: number;
	/**
	 * The candidate's own answers taken from the file (those newer than this device's, or of
	 * questions it had none for); null when the file had none. The device's own always stay.
	 */
	myAnswers: number | null;
	/**
	 * Recordings taken from the file (newer than this device's, or of questions it had none for);
	 * null (or absent) when the file had none. The device's newer ones and its others stay.
	 */
	recordings?: number | null;
	/** Own decks taken from the file (newer than this device's, or new to it); null: it had none. */
	ownDecks?: number | null;
	/** Cards' marks taken from the file (newer than this device's, or new to it); null: it had none. */
	marks?: number | null;
	/** Cards whose state was rebuilt from their answers (the file disagreed with its own log). */
	rebuilt: number;
}

/** How many records each progress store holds. */
export interface ProgressCounts {
	cards: number;
	reviews: number;
	quizAttempts: number;
	interviewAnswers: number;
}

/**
 * Replaces all progress with a checked backup's, in one read-write transaction: card states,
 * answers, quiz attempts, interview answers and the six settings are cleared, then every record of
 * the backup is stored, its cards retired or not by the decks on this device. Answers, quiz
 * attempts and interview answers get new keys from their stores, in the file's order: a file
 * never sets a store's keys, so none can exhaust its key generator. Either all of it is stored or
 * nothing changes. The interview date is the file's, unless the file is older than backed-up dates.
 * Recordings in the file (only when the user included them) are merged as `mergeRecordings` says:
 * the newer of a question's two stays, and the device's others stay.
 * Decks and the app's other `meta:` records are kept, except sessions kept to resume.
 * @throws StorageError when storage fails (nothing was changed)
 */
export async function importProgress(
	db: StudyDatabase,
	{ backup, rebuilt }: CheckedBackup,
	now = Date.now()
): Promise<ImportSummary> {
	// Decoded before the transaction: nothing but IndexedDB work may run while it is open.
	const recordings = backup.recordings?.map(({ data, ...recording }) => {
		const audio = fromBase64(data, recording.mimeType);
		return { ...recording, audio, size: audio.size };
	});
	const tx = db.transaction(
		[...PROGRESS_STORES, 'settings', 'decks', 'myAnswers', 'recordings', 'marks', 'removals'],
		'readwrite'
	);
	return inTransaction(tx, async () => {
		// What the file does not hold goes from the devices this one syncs with too.
		const kept = new Set(
			[...backup.reviews, ...backup.quizAttempts, ...backup.interviewAnswers].flatMap((record) =>
				record.uid === undefined ? [] : [record.uid]
			)
		);
		await noteClearing(tx, HISTORY_STORES, now, kept);
		// A session kept to resume counted the progress being replaced.
		write(tx.objectStore('settings').delete(keptSessions()));
		// Own decks are the learner's on every device: the file's are taken where newer (or new
		// here), the device's other own decks stay.
		const settings = tx.objectStore('settings');
		const deckStore = tx.objectStore('decks');
		const stored = await deckStore.getAll();
		const ownTaken = ownDecksToStore(
			stored.flatMap(({ id, own }) => (own ? [{ id, own }] : [])),
			backup.ownDecks ?? []
		).map(asOwnDeck);
		// Own decks the file changes are edits made here (see storeDeck), stamped to sync.
		for (const deck of ownTaken) {
			const hlc = await stamp(settings, now);
			write(deckStore.put({ ...deck, fetchedAt: deck.own.updatedAt, hlc }));
		}
		const takenIds = new Set(ownTaken.map((deck) => deck.id));
		const decks = [...stored.filter((deck) => !takenIds.has(deck.id)), ...ownTaken];
		// While no deck of the site is stored yet (a first visit that could not download them), the
		// file's flags of their cards stay: the deck sync that stores the decks settles them.
		const published = stored.some((deck) => deck.own === undefined);
		const live = liveItems(decks);
		const settled = (card: (typeof backup.cards)[number]) =>
			published || isOwnDeckId(card.deck) ? settleRetired(card, live) : card;
		const cards = tx.objectStore('cards');
		const reviews = tx.objectStore('reviews');
		const attempts = tx.objectStore('quizAttempts');
		const interviews = tx.objectStore('interviewAnswers');
		write(cards.clear());
		write(reviews.clear());
		write(attempts.clear());
		write(interviews.clear());
		const settingsHere = await Promise.all(SETTING_KEYS.map((key) => settings.get(key)));
		for (const key of SETTING_KEYS) write(settings.delete(key));
		// A card is studied when its item is in the decks on this device, whatever the file says:
		// it may come from a device with other content, or hold items that exist nowhere.
		for (const card of backup.cards) write(cards.put(settled(card)));
		for (const review of inKeyOrder('reviews', backup.reviews)) write(reviews.add(review));
		for (const attempt of inKeyOrder('quizAttempts', backup.quizAttempts))
			write(attempts.add(attempt));
		for (const answer of inKeyOrder('interviewAnswers', backup.interviewAnswers))
			write(interviews.add(answer));
		for (const setting of backup.settings) {
			// A setting the file changes is an edit made here, stamped so that it reaches the devices
			// this one syncs with; one it leaves as it was keeps its record, and its last edit.
			const here = settingsHere.find((record) => record?.key === setting.key);
			const same = here !== undefined && here.value === setting.value;
			write(settings.put(same ? here : { ...setting, hlc: await stamp(settings, now) }));
		}
		// The candidate's own answers are theirs on every device: merged, not replaced (see
		// mergeMyAnswers, which the import's confirmation counts with too).
		let taken: number | null = null;
		if (backup.myAnswers) {
			const mine = tx.objectStore('myAnswers');
			const merge = mergeMyAnswers(readableAnswers(await mine.getAll()), backup.myAnswers);
			// Answers the file changes are edits made here (see saveMyAnswer), stamped to sync.
			for (const answer of merge.taken) {
				write(mine.put({ ...answer, hlc: await stamp(settings, now) }));
			}
			taken = merge.taken.length;
		}
		// Recordings are the candidate's voice on every device: merged like their own answers (the
		// import's confirmation counts with mergeRecordings too), never an older over a newer one.
		let voice: number | null = null;
		if (recordings) {
			const store = tx.objectStore('recordings');
			const merge = mergeRecordings(await store.getAll(), recordings);
			for (const recording of merge.taken) write(store.put(recording));
			voice = merge.taken.length;
		}
		// Marks on cards are the learner's on every device: the newer of a card's two wins.
		let marked: number | null = null;
		if (backup.marks) {
			const store = tx.objectStore('marks');
			const taken = marksToStore(await store.getAll(), backup.marks);
			// Marks the file changes are edits made here (see changeMarks), stamped to sync.
			for (const mark of taken) write(store.put({ ...mark, hlc: await stamp(settings, now) }));
			marked = taken.length;
		}
		if (backup.interviewDate === null) write(settings.delete(INTERVIEW_DATE));
		else if (backup.interviewDate) {
			write(settings.put({ key: INTERVIEW_DATE, value: backup.interviewDate }));
		}
		return {
			cards: backup.cards.length,
			reviews: backup.reviews.length,
			quizAttempts: backup.quizAttempts.length,
			interviewAnswers: backup.interviewAnswers.length,
			settings: backup.settings.length,
			myAnswers: taken,
			recordings: voice,
			ownDecks: backup.ownDecks ? ownTaken.length : null,
			marks: marked,
			rebuilt
		};
	});
}

/**
 * Records in the order of the keys they had, without those keys (their stores assign new ones),
 * each with its own id (the file's, or for a file made before they had them, the one every device
 * gives that record: see legacyUid).
 */
function inKeyOrder<T extends { id?: number; uid?: string }>(
	store: HistoryStore,
	records: readonly T[]
): T[] {
	const given = new Set<string>();
	return [...records]
		.sort((a, b) => (a.id ?? 0) - (b.id ?? 0))
		.map((record) => {
			let copy = withLegacyUid(store, record);
			// The file's own ids are unique (checked); two records from before ids, alike in every
			// field that names them, are not: the second is given a random one.
			if (given.has(copy.uid)) copy = { ...copy, uid: newUid() };
			given.add(copy.uid);
			delete copy.id;
			return copy;
		});
}

/**
 * Deletes all progress in one transaction: card states, answers, quiz attempts, interview answers
 * and the sessions kept to resume. Decks, settings, the candidate's own answers and recordings
 * stay: they are the candidate's own writing and voice, not progress (recordings have their own
 * delete in Settings).
 * @throws StorageError when storage fails (nothing was changed)
 */
export async function resetProgress(db: StudyDatabase, now = Date.now()): Promise<void> {
	const tx = db.transaction([...PROGRESS_STORES, 'settings', 'removals'], 'readwrite');
	await inTransaction(tx, async () => {
		await noteClearing(tx, HISTORY_STORES, now);
		for (const store of PROGRESS_STORES) write(tx.objectStore(store).clear());
		write(tx.objectStore('settings').delete(keptSessions()));
	});
}

/** How many records each progress store holds, for a confirmation that says what will go. */
export async function progressCounts(db: StudyDatabase): Promise<ProgressCounts> {
	try {
		const tx = db.transaction([...PROGRESS_STORES], 'readonly');
		const [cards, reviews, quizAttempts, interviewAnswers] = await Promise.all(
			PROGRESS_STORES.map((store) => tx.objectStore(store).count())
		);
		await tx.done;
		return {
			cards: cards ?? 0,
			reviews: reviews ?? 0,
			quizAttempts: quizAttempts ?? 0,
			interviewAnswers: interviewAnswers ?? 0
		};
	} catch (error) {
		throw toStorageError(error);
	}
}
