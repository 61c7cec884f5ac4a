import { errorMessage } from '$lib/errors';
import type { StudyDatabase } from '$lib/storage/db';
import { deleteRecordings, recordingsTotal, type RecordingsTotal } from '$lib/storage/recordings';
import { app } from './app.svelte';
import type { Outcome } from './settings-page.svelte';

export type { RecordingsTotal } from '$lib/storage/recordings';

const NOTHING: Outcome = { status: '', problem: null };

/**
 * The recordings of spoken answers kept on this device, on the Settings page: how many and how
 * large, and deleting them all once the candidate confirms. The Settings page model owns it and
 * reads `total` with the rest of the page: the one count of recordings the page shows, so the
 * backup's "Include my recordings" size and this section cannot disagree.
 */
export class RecordingsPanel {
	/** How many recordings there are and their bytes; null until the page has read them. */
	total = $state.raw<RecordingsTotal | null>(null);
	/** Why they could not be counted, in words; null when they were. The rest of the page loads. */
	problem = $state<string | null>(null);
	/** The candidate is asked to confirm deleting them all. */
	confirming = $state(false);
	deleting = $state(false);
	outcome = $state.raw<Outcome>(NOTHING);

	#db: StudyDatabase | null = null;

	/**
	 * Reads the count again (the page model calls it with its own reading). A failure is this
	 * section's alone: it is said here, and the rest of the Settings page (export included) loads.
	 */
	async load(db: StudyDatabase): Promise<void> {
		this.#db = db;
		try {
			this.total = await recordingsTotal(db);
			this.problem = null;
		} catch (error) {
			this.total = null;
			this.problem = `Your recordings could not be counted: ${errorMessage(error)}`;
		}
	}

	/** Asks to confirm deleting every recording. */
	ask(): void {
		this.outcome = NOTHING;
		this.confirming = true;
	}

	cancel(): void {
		this.confirming = false;
	}

	/** Deletes every recording on this device. */
	async confirm(): Promise<void> {
		const db = this.#db;
		if (!db || this.deleting) return;
		this.deleting = true;
		try {
			await deleteRecordings(db);
			// The one count of recordings on the page (the backup's "Include my recordings" size
			// follows it) is known to be empty; other tabs reload on the change signal.
			this.total = { count: 0, bytes: 0 };
			this.problem = null;
			app.changed();
			this.outcome = { status: 'Every recording on this device was deleted.', problem: null };
		} catch (error) {
			this.outcome = { status: '', problem: `Nothing was deleted: ${errorMessage(error)}` };
		} finally {
			this.deleting = false;
			this.confirming = false;
		}
	}
}
