import {
	openDB,
	unwrap,
	type DBSchema,
	type IDBPDatabase,
	type IDBPTransaction,
	type StoreNames
} from 'idb';
import type { Deck } from '$lib/content/types';
import type { OwnDeckInfo } from '$lib/import/own-deck';
import type { CardMark } from '$lib/marks/marks';
import type { MyAnswer } from '$lib/quiz/my-answer';
import type { InterviewAnswer, QuizAttempt } from '$lib/quiz/types';
import type { CardState, Review } from '$lib/srs/types';
import { StorageError, toStorageError } from './errors';

/** The name of the app's IndexedDB database. */
export const DB_NAME = 'cto-prep';

/**
 * The schema version. Raise it with a new `if (oldVersion < N)` step in `migrate`, and a test that
 * opens a fixture database of the previous version.
 */
export const DB_VERSION = 6;

/** A deck as kept on the device: the published deck (or an own one) and when it was stored. */
export interface StoredDeck extends Deck {
	fetchedAt: number;
	/** Set on the learner's own decks (imported cards): the sync with published decks leaves them. */
	own?: OwnDeckInfo;
	/**
	 * An own deck's last edit, as the device's clock read then (see SettingRecord.hlc): absent on
	 * own decks stored before sync existed, and on the site's decks, which never sync.
	 */
	hlc?: string;
}

/** A spoken answer recorded on this device: the newest one per interview question. */
export interface Recording {
	/** The interview question's item id. */
	item: string;
	audio: Blob;
	/** The audio's type as the recorder gave it (`audio/webm;codecs=opus`, say). */
	mimeType: string;
	/** Its size in bytes. */
	size: number;
	/** When it was recorded, epoch ms. */
	recordedAt: number;
	/**
	 * What was said, as the browser transcribed it on this device while recording (plain text);
	 * absent when it could not (no on-device transcription) or for recordings made before.
	 */
	transcript?: string;
	/** How long it was recorded for, in ms (for the words per minute); absent for older ones. */
	spokenMs?: number;
}

/**
 * A record of history (an answer, a quiz attempt, an interview answer) or an own deck removed on
 * this device while it syncs, so that the devices it syncs with remove their copy too. Keyed
 * `<store>:<uid>`.
 */
export interface Removal {
	key: string;
	store: HistoryStore | 'decks';
	/** The record's own id; an own deck's id for `decks`. */
	uid: string;
	/** When it was removed, epoch ms. */
	time: number;
}

/** A stored setting: one record per key. */
export interface SettingRecord {
	key: string;
	value: unknown;
	/**
	 * A setting's last edit, as the device's hybrid logical clock read then (formatHlc's text):
	 * the newest edit of a setting wins across devices. Absent on settings saved before sync
	 * existed, which count as older than any edit stamped since. `meta:` records never have one.
	 */
	hlc?: string;
}

/**
 * A card's marks as stored, with the clock reading of their last edit (see SettingRecord.hlc):
 * absent on marks stored before sync existed.
 */
export type StoredMark = CardMark & { hlc?: string };

/**
 * The candidate's own answer as stored, with the clock reading of its last edit (see
 * SettingRecord.hlc): absent on answers saved before sync existed. An answer emptied since sync
 * existed keeps a blank record, so that the emptying is the newest edit on every device.
 */
export type StoredMyAnswer = MyAnswer & { hlc?: string };

export interface StudyDB extends DBSchema {
	decks: { key: string; value: StoredDeck };
	cards: {
		key: string;
		value: CardState;
		indexes: { 'by-due': number; 'by-deck': string };
	};
	reviews: {
		key: number;
		value: Review;
		indexes: { 'by-card': string; 'by-time': number; 'by-uid': string };
	};
	settings: { key: string; value: SettingRecord };
	quizAttempts: {
		key: number;
		value: QuizAttempt;
		indexes: { 'by-time': number; 'by-uid': string };
	};
	interviewAnswers: {
		key: number;
		value: InterviewAnswer;
		indexes: { 'by-item': string; 'by-time': number; 'by-uid': string };
	};
	myAnswers: { key: string; value: StoredMyAnswer };
	recordings: { key: string; value: Recording };
	marks: { key: string; value: StoredMark };
	removals: { key: string; value: Removal };
}

export type StudyDatabase = IDBPDatabase<StudyDB>;

type UpgradeTransaction = IDBPTransaction<StudyDB, StoreNames<StudyDB>[], 'versionchange'>;

/** The stores whose keys a key generator hands out: the learner's history. */
export const HISTORY_STORES = ['reviews', 'quizAttempts', 'interviewAnswers'] as const;

/** A store of history: its records are never edited, only added and (undo, reset) removed. */
export type HistoryStore = (typeof HISTORY_STORES)[number];

/** Creates one of the stores with generated keys, with its indexes. */
function createHistoryStore(db: StudyDatabase, name: HistoryStore): void {
	const options = { keyPath: 'id', autoIncrement: true };
	// Version 6: every record of history has an id of its own, the same on every device it reaches
	// (records stored before are given theirs when sync first runs, so no upgrade rewrites them all).
	const uid = ['by-uid', 'uid', { unique: true }] as const;
	if (name === 'reviews') {
		const reviews = db.createObjectStore('reviews', options);
		reviews.createIndex('by-card', 'card');
		reviews.createIndex('by-time', 'time');
		reviews.createIndex(...uid);
	} else if (name === 'quizAttempts') {
		const attempts = db.createObjectStore('quizAttempts', options);
		attempts.createIndex('by-time', 'finishedAt');
		attempts.createIndex(...uid);
	} else {
		const interviews = db.createObjectStore('interviewAnswers', options);
		interviews.createIndex('by-item', 'item');
		interviews.createIndex('by-time', 'time');
		interviews.createIndex(...uid);
	}
}

/** The schema migrations, one step per version, applied in order from the stored version. */
function migrate(db: StudyDatabase, oldVersion: number, tx: UpgradeTransaction): void {
	if (oldVersion < 1) {
		db.createObjectStore('decks', { keyPath: 'id' });
		const cards = db.createObjectStore('cards', { keyPath: 'id' });
		cards.createIndex('by-due', 'due');
		cards.createIndex('by-deck', 'deck');
		createHistoryStore(db, 'reviews');
		db.createObjectStore('settings', { keyPath: 'key' });
	}
	if (oldVersion < 2) {
		// Version 2 keeps quiz attempts and interview answers; nothing earlier changes.
		createHistoryStore(db, 'quizAttempts');
		createHistoryStore(db, 'interviewAnswers');
	}
	if (oldVersion >= 1 && oldVersion < 3) {
		// Version 3: imports no longer bring their own keys. One that brought a key of 2^53 - 1 left
		// its store's key generator exhausted, so no answer could be saved; such a store is rebuilt.
		for (const name of HISTORY_STORES) {
			if (db.objectStoreNames.contains(name)) repairKeyGenerator(db, tx, name);
		}
	}
	if (oldVersion < 4) {
		// Version 4 keeps the candidate's own answers and spoken recordings, one per question.
		db.createObjectStore('myAnswers', { keyPath: 'item' });
		db.createObjectStore('recordings', { keyPath: 'item' });
	}
	if (oldVersion < 5) {
		// Version 5 keeps what the learner marks on cards: suspended, a flag, a note.
		db.createObjectStore('marks', { keyPath: 'item' });
	}
	if (oldVersion < 6) {
		// Version 6 prepares sync: history records are found by their own id, and what is removed
		// while syncing is noted for the other devices.
		for (const name of HISTORY_STORES) {
			if (!db.objectStoreNames.contains(name)) continue;
			const store = tx.objectStore(name);
			if (!store.indexNames.contains('by-uid')) {
				store.createIndex('by-uid', 'uid', { unique: true });
			}
		}
		db.createObjectStore('removals', { keyPath: 'key' });
	}
}

/** Keys past this are as good as exhausted: a learner never makes that many records. */
const EXHAUSTED = 2 ** 53 - 2 ** 32;

/**
 * Asks a store's key generator for a key (a throwaway record, deleted at once). When it has none
 * left, or almost none, the store is made anew with its records under new keys, in their order.
 * Only IndexedDB requests run here, so the upgrade transaction stays open throughout.
 */
function repairKeyGenerator(db: StudyDatabase, tx: UpgradeTransaction, name: HistoryStore): void {
	const store = unwrap(tx.objectStore(name));
	const probe = store.add({});
	const rebuild = () => {
		const all = store.getAll();
		all.onsuccess = () => {
			const records = all.result as { id: number }[];
			db.deleteObjectStore(name);
			createHistoryStore(db, name);
			const fresh = unwrap(tx.objectStore(name));
			for (const record of records.sort((a, b) => a.id - b.id)) {
				const copy: Partial<typeof record> = { ...record };
				delete copy.id;
				fresh.add(copy);
			}
		};
	};
	probe.onsuccess = () => {
		const key = probe.result as number;
		store.delete(key);
		if (key >= EXHAUSTED) rebuild();
	};
	probe.onerror = (event) => {
		// ConstraintError: the generator is spent. Handled here, so the upgrade goes on.
		event.preventDefault();
		event.stopPropagation();
		rebuild();
	};
}

/** What an open connection reports to the app. */
export interface ConnectionEvents {
	/** Another tab needs a newer schema: this connection was closed and the page must reload. */
	onOutdated?: () => void;
	/** Another tab holds an older connection that keeps this one from upgrading. */
	onBlocked?: () => void;
}

/**
 * Opens (and if needed upgrades) the study database. Call only in the browser or in tests with
 * fake-indexeddb: prerendering runs in Node, where there is no IndexedDB.
 * @throws StorageError when storage is unavailable or the stored schema is newer than this app
 */
export async function openStudyDB(
	name = DB_NAME,
	events: ConnectionEvents = {}
): Promise<StudyDatabase> {
	if (typeof indexedDB === 'undefined') throw new StorageError('unavailable');
	try {
		const db = await openDB<StudyDB>(name, DB_VERSION, {
			upgrade: (database, oldVersion, _newVersion, transaction) =>
				migrate(database, oldVersion, transaction),
			blocked: () => events.onBlocked?.(),
			blocking: () => {
				// Let the other tab upgrade: close now, and tell this page it must reload.
				db.close();
				events.onOutdated?.();
			},
			terminated: () => events.onOutdated?.()
		});
		return db;
	} catch (error) {
		throw toStorageError(error);
	}
}
