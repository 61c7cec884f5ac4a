import type { StorageError } from '$lib/storage/errors';

/**
 * What the app knows about its storage, for the banner every page shows. Kept apart from the
 * database module so that showing it costs a page nothing.
 */
class StorageStatus {
	/** Another tab upgraded the database: this tab must reload. */
	outdated = $state(false);
	/** An older tab keeps the database from upgrading. */
	blocked = $state(false);
	/** Storage could not be opened at all. */
	unavailable = $state<StorageError | null>(null);
}

export const storageStatus = new StorageStatus();
