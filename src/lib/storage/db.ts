import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Deck } from '$lib/content/types';
import type { InterviewAnswer, QuizAttempt } from '$lib/quiz/types';
import type { CardState, Review } from '$lib/srs/types';
import { StorageError, toStorageError } from './errors';

/** The name of the app's IndexedDB database. */
export const DB_NAME = 'cto-prep';

/**
 * The schema version. Raise it with a new `if (oldVersion < N)` step in `migrate`, and a test that
 * opens a fixture database of the previous version.
 */
export const DB_VERSION = 2;

/** A deck as kept on the device: the published deck and when it was fetched. */
export interface StoredDeck extends Deck {
	fetchedAt: number;
}

/** A stored setting: one record per key. */
export interface SettingRecord {
	key: string;
	value: unknown;
}

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
		indexes: { 'by-card': string; 'by-time': number };
	};
	settings: { key: string; value: SettingRecord };
	quizAttempts: { key: number; value: QuizAttempt; indexes: { 'by-time': number } };
	interviewAnswers: {
		key: number;
		value: InterviewAnswer;
		indexes: { 'by-item': string; 'by-time': number };
	};
}

export type StudyDatabase = IDBPDatabase<StudyDB>;

/** The schema migrations, one step per version, applied in order from the stored version. */
function migrate(db: StudyDatabase, oldVersion: number): void {
	if (oldVersion < 1) {
		db.createObjectStore('decks', { keyPath: 'id' });
		const cards = db.createObjectStore('cards', { keyPath: 'id' });
		cards.createIndex('by-due', 'due');
		cards.createIndex('by-deck', 'deck');
		const reviews = db.createObjectStore('reviews', { keyPath: 'id', autoIncrement: true });
		reviews.createIndex('by-card', 'card');
		reviews.createIndex('by-time', 'time');
		db.createObjectStore('settings', { keyPath: 'key' });
	}
	if (oldVersion < 2) {
		// Version 2 keeps quiz attempts and interview answers; nothing earlier changes.
		const attempts = db.createObjectStore('quizAttempts', { keyPath: 'id', autoIncrement: true });
		attempts.createIndex('by-time', 'finishedAt');
		const interviews = db.createObjectStore('interviewAnswers', {
			keyPath: 'id',
			autoIncrement: true
		});
		interviews.createIndex('by-item', 'item');
		interviews.createIndex('by-time', 'time');
	}
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
			upgrade: (database, oldVersion) => migrate(database, oldVersion),
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
