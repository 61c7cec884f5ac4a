import { errorMessage } from '$lib/errors';
import { DEFAULT_SETTINGS, type SettingKey, type Settings } from '$lib/settings';
import type { StoredDeck, StudyDatabase } from '$lib/storage/db';
import { loadDecks } from '$lib/storage/decks';
import { loadSettings, saveSetting } from '$lib/storage/settings';
import { SYNC_ORIGIN } from '$lib/sync/config';
import { closeDatabase, database } from './database';
import { fetchJson, syncDecks, type FetchJson } from './deck-sync';
import { storageStatus } from './storage-status.svelte';

const CHANNEL = 'cto-prep';

/**
 * The root every page model stands on: the connection, the decks, the settings, and a signal
 * that stored progress changed, in this tab or in another one. Pages reach storage only through
 * page models built on it.
 */
class App {
	/** The decks on this device, read at once and brought up to date in the background. */
	decks = $state.raw<StoredDeck[]>([]);
	/** The learner's settings (the defaults until they are read). */
	settings = $state.raw<Settings>(DEFAULT_SETTINGS);
	/** Counts changes of stored progress: a page model that shows progress reloads when it moves. */
	progress = $state(0);

	// Only the connection is kept: a resolved value holding the decks would keep a replaced library
	// in memory beside the new one (tens of MB with 100,000 cards).
	#ready: Promise<StudyDatabase> | undefined;
	#listeners = new Set<() => void>();
	#channel: BroadcastChannel | undefined;
	#fetch: FetchJson = fetchJson;
	/** Counts resets: what was begun before one (a session's pending write) must not land after it. */
	resets = 0;

	/**
	 * The database, once the decks and settings are available.
	 * @throws StorageError when storage cannot be opened
	 */
	ready(): Promise<StudyDatabase> {
		this.#ready ??= this.#load().catch((error: unknown) => {
			this.#ready = undefined;
			throw error;
		});
		return this.#ready;
	}

	async #load(): Promise<StudyDatabase> {
		const db = await database();
		this.#listen();
		const [stored, settings] = await Promise.all([loadDecks(db), loadSettings(db)]);
		this.settings = settings;
		if (stored.length === 0) {
			// A first visit: nothing to show before the decks arrive.
			await this.#sync(db);
		} else {
			this.decks = stored;
			void this.#sync(db);
		}
		// Sync across devices, when the build offers it: its state loads after the page's own work.
		if (SYNC_ORIGIN) void import('./sync.svelte').then(({ sync }) => sync.start());
		return db;
	}

	async #sync(db: StudyDatabase): Promise<void> {
		try {
			// The decks just read are compared, not read again; unchanged, they stay the same array, so
			// pages that follow `decks` do not reload their counts for nothing.
			const known = this.decks.length > 0 ? this.decks : undefined;
			const result = await syncDecks(db, this.#fetch, Date.now(), known);
			storageStatus.decks = null;
			if (result.decks !== this.decks) {
				this.decks = result.decks;
				// Pages reload what they show from the new decks (counts, questions).
				this.#changedHere();
			}
		} catch (error) {
			// Shown on every page by the storage banner; the stored decks stay in use.
			storageStatus.decks = `The decks could not be updated, so the ones on this device are used. ${errorMessage(error)}`;
		}
	}

	/**
	 * Settings changed in storage behind this tab's back (sync stored another device's edits):
	 * they are read again, and pages reload, here and in the other tabs.
	 */
	async settingsChanged(): Promise<void> {
		await this.#reloadSettings();
		this.changed();
	}

	/** Stored progress changed in this tab: pages reload, and so do the other tabs. */
	changed(): void {
		this.#changedHere();
		this.#channel?.postMessage({ type: 'changed' });
	}

	/**
	 * The decks stored changed in this tab (an own deck stored or deleted): they are read again,
	 * here and in the other tabs, and pages reload.
	 * @throws StorageError when they cannot be read
	 */
	async reloadDecks(): Promise<void> {
		await this.#readDecks();
		this.#channel?.postMessage({ type: 'decks' });
	}

	/** Reads the stored decks again; pages reload. */
	async #readDecks(): Promise<void> {
		this.decks = await loadDecks(await this.ready());
		this.#changedHere();
	}

	/** Calls `listener` whenever stored progress changes; returns a function that stops it. */
	onChange(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/**
	 * Saves one setting after checking it.
	 * @throws SettingError (what is allowed) or StorageError; nothing is changed then
	 */
	async saveSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
		await saveSetting(await this.ready(), key, value);
		this.settings = { ...this.settings, [key]: value };
		this.changed();
	}

	/**
	 * Forgets the connection and everything read, and takes decks from `fetch` from now on. For
	 * tests, which run the page models in Node against a site of their own.
	 */
	async reset(fetch: FetchJson = fetchJson): Promise<void> {
		const ready = this.#ready;
		this.#ready = undefined;
		this.resets += 1;
		await ready?.catch(() => undefined);
		await closeDatabase();
		this.#channel?.close();
		this.#channel = undefined;
		this.#listeners.clear();
		this.#fetch = fetch;
		this.decks = [];
		this.settings = DEFAULT_SETTINGS;
		this.progress = 0;
	}

	#changedHere(): void {
		this.progress += 1;
		for (const listener of this.#listeners) listener();
	}

	#listen(): void {
		if (this.#channel || typeof BroadcastChannel === 'undefined') return;
		this.#channel = new BroadcastChannel(CHANNEL);
		this.#channel.onmessage = (event: MessageEvent<{ type?: string }>) => {
			// Another tab stored something: settings may have changed too, and it says when decks did.
			void this.#reloadSettings();
			if (event.data?.type === 'decks') void this.#reloadDecksFromOtherTab();
			else this.#changedHere();
		};
	}

	async #reloadDecksFromOtherTab(): Promise<void> {
		try {
			await this.#readDecks();
		} catch {
			// The decks in hand stay (the next change or visit reads them again); pages still reload.
			this.#changedHere();
		}
	}

	async #reloadSettings(): Promise<void> {
		try {
			this.settings = await loadSettings(await this.ready());
		} catch {
			// The settings in hand stay; the page that needs storage reports the failure itself.
		}
	}
}

/** The app's one root. */
export const app = new App();
