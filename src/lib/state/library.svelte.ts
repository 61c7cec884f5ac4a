import type { StoredDeck, StudyDatabase } from '$lib/storage/db';
import { errorMessage } from '$lib/storage/errors';
import { loadDecks, type DeckChanges } from '$lib/storage/decks';
import { database } from './database';
import { fetchJson, syncDecks } from './deck-sync';

/**
 * The decks on this device. They are read from IndexedDB at once and brought up to date with the
 * published decks in the background (the first time, before anything is shown).
 */
class DeckLibrary {
	decks = $state.raw<StoredDeck[]>([]);
	/** What the last update changed, per deck. */
	changes = $state.raw<Map<string, DeckChanges>>(new Map());
	error = $state<string | null>(null);
	#ready: Promise<{ db: StudyDatabase; decks: StoredDeck[] }> | undefined;

	/**
	 * The database and the decks, once they are available.
	 * @throws StorageError when storage cannot be opened
	 */
	ready(): Promise<{ db: StudyDatabase; decks: StoredDeck[] }> {
		this.#ready ??= this.#load().catch((error: unknown) => {
			this.#ready = undefined;
			this.error = errorMessage(error);
			throw error;
		});
		return this.#ready;
	}

	async #load(): Promise<{ db: StudyDatabase; decks: StoredDeck[] }> {
		const db = await database();
		const stored = await loadDecks(db);
		if (stored.length === 0) {
			await this.#sync(db);
		} else {
			this.decks = stored;
			void this.#sync(db);
		}
		return { db, decks: this.decks };
	}

	async #sync(db: StudyDatabase): Promise<void> {
		try {
			const result = await syncDecks(db, fetchJson, Date.now());
			this.decks = result.decks;
			if (result.changes.size > 0) this.changes = result.changes;
		} catch (error) {
			// The stored decks stay in use; the problem is shown, nothing is lost.
			this.error = `The decks could not be updated: ${errorMessage(error)}`;
		}
	}
}

export const library = new DeckLibrary();
