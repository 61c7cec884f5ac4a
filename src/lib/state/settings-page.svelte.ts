import {
	backupFileName,
	backupReminder,
	hasProgress,
	serializeBackup,
	type BackupReminder
} from '$lib/backup/file';
import {
	mergeMyAnswers,
	mergeRecordings,
	type MyAnswersMerge,
	type RecordingsMerge
} from '$lib/backup/merge';
import { checkBackupSize, parseBackup, type CheckedBackup } from '$lib/backup/parse';
import { errorMessage } from '$lib/errors';
import { describeImport, describeRecordingsLeftOut } from '$lib/format';
import type { SettingKey, Settings } from '$lib/settings';
import {
	exportBackup,
	importProgress,
	progressCounts,
	resetProgress,
	type ImportSummary,
	type ProgressCounts
} from '$lib/storage/backup';
import type { StudyDatabase } from '$lib/storage/db';
import { planSetsNewCards } from '$lib/srs/plan';
import { loadMyAnswers } from '$lib/storage/my-answers';
import { loadRecordingTimes } from '$lib/storage/recordings';
import { loadMeta, saveMeta } from '$lib/storage/settings';
import { app } from './app.svelte';
import { settleMoves } from './deck-sync';
import { loadInterviewDate } from './interview-date';
import { PageModel } from './page.svelte';
import { RecordingsPanel } from './recordings-panel.svelte';

export type { ImportSummary, ProgressCounts } from '$lib/storage/backup';
export type { BackupReminder } from '$lib/backup/file';

/** A step of the Settings page and how it went: what to say, and whether it failed. */
export interface Outcome {
	status: string;
	problem: string | null;
}

const NOTHING: Outcome = { status: '', problem: null };

/**
 * The Settings page: the learner's settings, what progress is stored, the backup reminder, and
 * export, import and reset, each with what it says when it works and when it does not.
 */
export class SettingsPage extends PageModel {
	counts = $state.raw<ProgressCounts | null>(null);
	lastBackupAt = $state<number | null>(null);
	/** The interview date while its plan (set on Today) decides the day's new cards, else null. */
	planDate = $state<string | null>(null);
	now = $state(Date.now());
	/** Per setting, why the value entered was not saved. */
	settingErrors = $state<Partial<Record<SettingKey, string>>>({});
	/** The setting just saved, for its "Saved". */
	savedSetting = $state<SettingKey | null>(null);

	exporting = $state(false);
	/** Whether the next export holds the recordings (off unless the user asks: they are large). */
	includeRecordings = $state(false);
	/** The recordings on this device: their count and size, and deleting them all. */
	readonly recordings = new RecordingsPanel();
	backup = $state.raw<Outcome>(NOTHING);
	/**
	 * A checked backup waiting for the learner to confirm the import, with the progress it replaces
	 * and what it does to the candidate's own answers and recordings (merged, never replaced).
	 */
	pendingImport = $state.raw<{
		checked: CheckedBackup;
		current: ProgressCounts;
		mine: MyAnswersMerge;
		/** What the file's recordings do to this device's; null when the file has none. */
		voice: RecordingsMerge | null;
	} | null>(null);
	importing = $state(false);

	/** What a reset would delete, while the learner is asked to confirm it. */
	pendingReset = $state.raw<ProgressCounts | null>(null);
	resetting = $state(false);
	reset = $state.raw<Outcome>(NOTHING);

	#db: StudyDatabase | null = null;

	get settings(): Settings {
		return app.settings;
	}

	/** How large the recordings on this device are together, in bytes. */
	get recordingBytes(): number {
		return this.recordings.total?.bytes ?? 0;
	}

	/** Why to make a backup now, if it is time. */
	get reminder(): BackupReminder | null {
		return this.counts
			? backupReminder(this.lastBackupAt, hasProgress(this.counts), this.now)
			: null;
	}

	protected async load(db: StudyDatabase): Promise<void> {
		const [counts, last, interview] = await Promise.all([
			progressCounts(db),
			loadMeta(db, 'lastBackupAt'),
			loadInterviewDate(db),
			this.recordings.load(db)
		]);
		this.#db = db;
		const followed = planSetsNewCards(interview, Date.now(), app.settings.dayStartHour);
		this.planDate = followed ? (interview?.date ?? null) : null;
		this.counts = counts;
		this.lastBackupAt = typeof last === 'number' && Number.isFinite(last) ? last : null;
		this.now = Date.now();
	}

	/** Saves a setting the learner entered (already checked against its range by the form). */
	async saveSetting(key: SettingKey, value: number): Promise<void> {
		this.savedSetting = null;
		try {
			await app.saveSetting(key, value);
			this.settingErrors = { ...this.settingErrors, [key]: undefined };
			this.savedSetting = key;
		} catch (error) {
			this.settingErrors = { ...this.settingErrors, [key]: errorMessage(error) };
		}
	}

	/** Marks a setting's entry as refused by the form, with what it allows. */
	refuseSetting(key: SettingKey, message: string): void {
		this.savedSetting = null;
		this.settingErrors = { ...this.settingErrors, [key]: message };
	}

	/**
	 * Exports all progress: `download` saves the text under the name given. The file is read back
	 * as an import would read it, and the time of the backup is noted only when it can be imported.
	 */
	async exportFile(download: (text: string, name: string) => void): Promise<void> {
		const db = this.#db;
		if (!db || this.exporting) return;
		this.exporting = true;
		this.backup = NOTHING;
		try {
			const now = Date.now();
			let text: string;
			let leftOut: string | null = null;
			try {
				const recordings = this.includeRecordings;
				const exported = await exportBackup(db, now, { recordings });
				text = serializeBackup(exported.backup);
				leftOut = describeRecordingsLeftOut(exported.recordingsLeftOut);
			} catch (error) {
				this.backup = { status: '', problem: `Nothing was exported: ${errorMessage(error)}` };
				return;
			}
			const name = backupFileName(now);
			download(text, name);
			try {
				// A backup that would be refused on import is no backup: say so rather than count it.
				parseBackup(text, now);
			} catch (error) {
				this.backup = {
					status: '',
					problem: `The file ${name} was saved, but it cannot be imported as it is: ${errorMessage(error)}`
				};
				return;
			}
			this.backup = { status: `Progress exported to ${name}.`, problem: leftOut };
			try {
				await saveMeta(db, 'lastBackupAt', now);
				this.lastBackupAt = now;
				this.now = now;
			} catch (error) {
				const unnoted = `The file was saved, but this device could not note when: ${errorMessage(error)}`;
				this.backup = {
					status: this.backup.status,
					problem: leftOut ? `${leftOut} ${unnoted}` : unnoted
				};
			}
		} finally {
			this.exporting = false;
		}
	}

	/** Reads and checks a backup file the learner chose; nothing changes until they confirm. */
	async chooseBackup(file: File): Promise<void> {
		const db = this.#db;
		if (!db) return;
		this.backup = NOTHING;
		try {
			checkBackupSize(file.size);
			const checked = parseBackup(await file.text(), Date.now());
			const [current, mine, voice] = await Promise.all([
				progressCounts(db),
				loadMyAnswers(db),
				loadRecordingTimes(db)
			]);
			const recordings = checked.backup.recordings;
			this.pendingImport = {
				checked,
				current,
				mine: mergeMyAnswers(mine, checked.backup.myAnswers),
				voice: recordings ? mergeRecordings(voice, recordings) : null
			};
		} catch (error) {
			this.backup = {
				status: '',
				problem: `${file.name} was not imported, and nothing was changed. ${errorMessage(error)}`
			};
		}
	}

	/**
	 * Replaces all progress with the chosen backup's; own answers and recordings are merged.
	 * @returns what was stored, or null when nothing was
	 */
	async confirmImport(): Promise<ImportSummary | null> {
		const db = this.#db;
		const pending = this.pendingImport;
		if (!db || !pending || this.importing) return null;
		this.importing = true;
		try {
			const summary = await importProgress(db, pending.checked);
			// A backup made before a fact moved files its history under the fact's new id.
			await settleMoves(db, app.decks);
			this.backup = { status: `Progress imported: ${describeImport(summary)}.`, problem: null };
			app.changed();
			return summary;
		} catch (error) {
			this.backup = { status: '', problem: `Nothing was imported: ${errorMessage(error)}` };
			return null;
		} finally {
			this.importing = false;
			this.pendingImport = null;
		}
	}

	cancelImport(): void {
		this.pendingImport = null;
	}

	/** Counts what a reset would delete, so the confirmation names exactly that. */
	async askReset(): Promise<void> {
		const db = this.#db;
		if (!db) return;
		this.reset = NOTHING;
		try {
			this.pendingReset = await progressCounts(db);
		} catch (error) {
			this.reset = { status: '', problem: errorMessage(error) };
		}
	}

	/** Deletes all progress; decks and settings stay. */
	async confirmReset(): Promise<void> {
		const db = this.#db;
		if (!db || this.resetting) return;
		this.resetting = true;
		try {
			await resetProgress(db);
			this.reset = {
				status:
					'Your progress was deleted. Decks, settings, your own answers and your recordings stayed.',
				problem: null
			};
			app.changed();
		} catch (error) {
			this.reset = { status: '', problem: `Nothing was deleted: ${errorMessage(error)}` };
		} finally {
			this.resetting = false;
			this.pendingReset = null;
		}
	}

	cancelReset(): void {
		this.pendingReset = null;
	}
}
