import { errorMessage } from '$lib/errors';
import type { StoredDeck, StudyDatabase } from '$lib/storage/db';
import {
	deleteRecording,
	deleteRecordings,
	listRecordings,
	questionOfKey,
	totalOf,
	type RecordingsTotal
} from '$lib/storage/recordings';
import { app } from './app.svelte';
import type { Outcome } from './settings-page.svelte';

export type { RecordingsTotal } from '$lib/storage/recordings';

const NOTHING: Outcome = { status: '', problem: null };

/** A recording as the Settings page lists it. */
export interface RecordingRow {
	key: string;
	/** The question it answers, as the notes ask it; null when the notes no longer have it. */
	question: string | null;
	/** It answers the question's follow-up, not the question. */
	followUp: boolean;
	recordedAt: number;
	size: number;
	spokenMs?: number;
}

/** The text of the interview question with this id in the decks, or null. */
function questionText(decks: readonly StoredDeck[], id: string): string | null {
	for (const deck of decks) {
		for (const item of deck.items)
			if (item.id === id && item.kind === 'interview') return item.question;
	}
	return null;
}

/**
 * The recordings of spoken answers kept on this device, on the Settings page: each with what it
 * answers, when, how long and how large, and deleting one or all once the candidate confirms. The
 * Settings page model owns it and reads `total` with the rest of the page: the one count of
 * recordings the page shows, so the backup's "Include my recordings" size and this section cannot
 * disagree.
 */
export class RecordingsPanel {
	/** Each recording, newest first; null until the page has read them. */
	rows = $state.raw<RecordingRow[] | null>(null);
	/** The recording the candidate is asked to confirm deleting, or null. */
	deletingOne = $state.raw<RecordingRow | null>(null);
	/** Why they could not be read, in words; null when they were. The rest of the page loads. */
	problem = $state<string | null>(null);
	/** The candidate is asked to confirm deleting them all. */
	confirming = $state(false);
	deleting = $state(false);
	outcome = $state.raw<Outcome>(NOTHING);

	#db: StudyDatabase | null = null;

	/** How many recordings there are and their bytes; null until the page has read them. */
	get total(): RecordingsTotal | null {
		return this.rows && totalOf(this.rows);
	}

	/**
	 * Reads the count again (the page model calls it with its own reading). A failure is this
	 * section's alone: it is said here, and the rest of the Settings page (export included) loads.
	 */
	async load(db: StudyDatabase): Promise<void> {
		this.#db = db;
		try {
			const entries = await listRecordings(db);
			this.rows = entries.map((entry) => {
				const question = questionOfKey(entry.key);
				return {
					...entry,
					question: questionText(app.decks, question),
					followUp: question !== entry.key
				};
			});
			this.problem = null;
		} catch (error) {
			this.rows = null;
			this.problem = `Your recordings could not be read: ${errorMessage(error)}`;
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

	/** Asks to confirm deleting one recording. */
	askOne(row: RecordingRow): void {
		this.outcome = NOTHING;
		this.deletingOne = row;
	}

	/** Keeps the recording asked about. */
	cancelOne(): void {
		this.deletingOne = null;
	}

	/** Deletes the one recording asked about; the others stay. */
	async confirmOne(): Promise<void> {
		const db = this.#db;
		const row = this.deletingOne;
		if (!db || !row || this.deleting) return;
		this.deleting = true;
		try {
			await deleteRecording(db, row.key);
			this.rows = (this.rows ?? []).filter((other) => other.key !== row.key);
			app.changed();
			this.outcome = { status: 'The recording was deleted.', problem: null };
		} catch (error) {
			this.outcome = {
				status: '',
				problem: `The recording was not deleted: ${errorMessage(error)}`
			};
		} finally {
			this.deleting = false;
			this.deletingOne = null;
		}
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
			this.rows = [];
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
