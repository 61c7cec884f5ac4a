import { errorMessage } from '$lib/errors';
import type { StudyDatabase } from '$lib/storage/db';
import { deleteRecordings, recordingsTotal, type RecordingsTotal } from '$lib/storage/recordings';
import { app } from './app.svelte';
import { PageModel } from './page.svelte';
import type { Outcome } from './settings-page.svelte';

export type { RecordingsTotal } from '$lib/storage/recordings';

const NOTHING: Outcome = { status: '', problem: null };

/**
 * The recordings of spoken answers kept on this device, on the Settings page: how many and how
 * large, and deleting them all once the candidate confirms. They are in a backup only when the
 * candidate asks.
 */
export class RecordingsPanel extends PageModel {
	total = $state.raw<RecordingsTotal | null>(null);
	/** The candidate is asked to confirm deleting them all. */
	confirming = $state(false);
	deleting = $state(false);
	outcome = $state.raw<Outcome>(NOTHING);

	#db: StudyDatabase | null = null;

	protected async load(db: StudyDatabase): Promise<void> {
		this.total = await recordingsTotal(db);
		this.#db = db;
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
			// Every count of recordings reloads (the backup's "Include my recordings" size too), here
			// and in other tabs.
			app.changed();
			this.total = { count: 0, bytes: 0 };
			this.outcome = { status: 'Every recording on this device was deleted.', problem: null };
		} catch (error) {
			this.outcome = { status: '', problem: `Nothing was deleted: ${errorMessage(error)}` };
		} finally {
			this.deleting = false;
			this.confirming = false;
		}
	}
}
