import { StorageError } from '$lib/storage/errors';

/**
 * What the app knows about its storage and its decks, for the banner every page shows. Kept apart
 * from the database and the page models so that showing it costs a page's first load nothing.
 */
class StorageStatus {
	/** Another tab upgraded the database: this tab must reload. */
	outdated = $state(false);
	/** An older tab keeps the database from upgrading. */
	blocked = $state(false);
	/** Storage could not be opened at all. */
	unavailable = $state<StorageError | null>(null);
	/** Why the decks could not be brought up to date (the ones on this device stay in use). */
	decks = $state<string | null>(null);
	/**
	 * A save that failed after its page or question was left (the candidate's own answer, saved
	 * on the way out): the component that would say so is gone, so the banner does, until dismissed.
	 */
	unsaved = $state<string | null>(null);

	/** The learner has read why something was not saved. */
	dismissUnsaved(): void {
		this.unsaved = null;
	}

	/** What to tell the learner about storage, if anything. */
	get message(): string | null {
		if (this.outdated) return new StorageError('outdated').message;
		if (this.blocked) return new StorageError('blocked').message;
		return this.unavailable?.message ?? null;
	}

	/** Whether reloading the page is the way out. */
	get canReload(): boolean {
		return this.outdated || this.blocked;
	}
}

export const storageStatus = new StorageStatus();
