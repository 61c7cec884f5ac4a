import type { StoredDeck, StudyDatabase } from '$lib/storage/db';
import { errorMessage } from '$lib/errors';
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
	// Only the connection is kept: a resolved value holding the decks would keep a replaced library
	// in memory beside the new one (tens of MB with 100,000 cards).
	#ready: Promise<StudyDatabase> | undefined;

	/**
	 * The database, once the decks are available in `decks`.
	 * @throws StorageError when storage cannot be opened
	 */
	ready(): Promise<StudyDatabase> {
		this.#ready ??= this.#load().catch((error: unknown) => {
			this.#ready = undefined;
			this.error = errorMessage(error);
			throw error;
		});
		return this.#ready;
	}

	async #load(): Promise<StudyDatabase> {
		const db = await database();
		const stored = await loadDecks(db);
		if (stored.length === 0) {
			await this.#sync(db);
		} else {
			this.decks = stored;
			void this.#sync(db);
		}
		return db;
	}

	async #sync(db: StudyDatabase): Promise<void> {
		try {
			// The decks just read are compared, not read again; unchanged, they stay the same array, so
			// pages that follow `decks` do not reload their counts for nothing.
			const known = this.decks.length > 0 ? this.decks : undefined;
			const result = await syncDecks(db, fetchJson, Date.now(), known);
			if (result.decks !== this.decks) this.decks = result.decks;
			if (result.changes.size > 0) this.changes = result.changes;
		} catch (error) {
			// The stored decks stay in use; the problem is shown, nothing is lost.
			this.error = `The decks could not be updated: ${errorMessage(error)}`;
		}
	}
}

export const library = new DeckLibrary();
