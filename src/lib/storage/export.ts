import { marksForBackup } from '$lib/backup/marks';
import { ownDecksForBackup } from '$lib/backup/own-decks';
import { selectRecordings, toBase64, type RecordingCaps } from '$lib/backup/recordings';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupSetting } from '$lib/backup/schema';
import { LIMITS } from '$lib/limits';
import { neutralizeMarkup } from '$lib/markup';
import { isSettingKey, SettingsSchema } from '$lib/settings';
import { InterviewDateSchema } from '$lib/srs/plan';
import * as v from 'valibot';
import type { StudyDatabase } from './db';
import { toStorageError } from './errors';
import { markOf } from './marks';
import { plainAnswer, readableAnswers } from './my-answers';
import { INTERVIEW_DATE_META } from './settings';

/** Where the interview date is kept (a `meta:` record of the settings store). */
export const INTERVIEW_DATE = `meta:${INTERVIEW_DATE_META}`;

/** The stores that hold the learner's progress. Settings are kept apart: reset leaves them. */
export const PROGRESS_STORES = ['cards', 'reviews', 'quizAttempts', 'interviewAnswers'] as const;

/** A backup as exported, and how many recordings on this device it could not hold. */
export interface ExportedBackup {
	backup: Backup;
	/** Recordings left out to keep within what an import accepts (0 when none were asked for). */
	recordingsLeftOut: number;
}

/**
 * Reads all progress in one read-only transaction: card states, answers (with their ids), quiz
 * attempts, interview answers, the settings, the interview date and the candidate's own answers
 * (their markup neutralized, see `neutralizeMarkup`: a backup never holds any). Recordings stay on
 * the device unless `options.recordings` asks for them: then the newest that an import accepts
 * (see `selectRecordings`; `options.caps` only for tests), as base64 text converted after the
 * transaction, and how many were left out. The learner's own decks are in it; the site's decks
 * are left out (they come from the site), and so are the app's other `meta:` records such as when
 * the last backup was made: they describe this device, and an import keeps them.
 * @param now when the backup is made (epoch ms)
 * @throws StorageError when storage cannot be read
 */
export async function exportBackup(
	db: StudyDatabase,
	now: number,
	options: { recordings?: boolean; caps?: RecordingCaps } = {}
): Promise<ExportedBackup> {
	try {
		const stores = [
			...PROGRESS_STORES,
			...(['settings', 'myAnswers', 'recordings', 'decks', 'marks'] as const)
		];
		const tx = db.transaction(stores, 'readonly');
		const [cards, reviews, quizAttempts, interviewAnswers, records, mine, voice, decks, marks] =
			await Promise.all([
				tx.objectStore('cards').getAll(),
				tx.objectStore('reviews').getAll(),
				tx.objectStore('quizAttempts').getAll(),
				tx.objectStore('interviewAnswers').getAll(),
				tx.objectStore('settings').getAll(),
				tx.objectStore('myAnswers').getAll(),
				options.recordings ? tx.objectStore('recordings').getAll() : Promise.resolve([]),
				tx.objectStore('decks').getAll(),
				tx.objectStore('marks').getAll()
			]);
		await tx.done;
		const selected = selectRecordings(
			voice.flatMap((recording) =>
				recording.audio instanceof Blob ? [{ ...recording, bytes: recording.audio.size }] : []
			),
			options.caps
		);
		const recordings = options.recordings
			? await Promise.all(
					selected.chosen.map(
						async ({ item, mimeType, recordedAt, audio, transcript, spokenMs }) => ({
							item,
							mimeType,
							recordedAt,
							data: await toBase64(audio),
							// What the recogniser heard is text like any other in a backup: no markup.
							...(transcript === undefined ? {} : { transcript: neutralizeMarkup(transcript) }),
							...(spokenMs === undefined ? {} : { spokenMs })
						})
					)
				)
			: undefined;
		const interviewDate = records.find((record) => record.key === INTERVIEW_DATE)?.value;
		const backup: Backup = {
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			exportedAt: new Date(now).toISOString(),
			cards,
			// Stored records of auto-increment stores always carry their key. Answers stored before
			// durations were capped may count more than the cap: a backup holds the capped time.
			reviews: (reviews as Backup['reviews']).map(capDuration),
			quizAttempts: quizAttempts as Backup['quizAttempts'],
			interviewAnswers: (interviewAnswers as Backup['interviewAnswers']).map(capDuration),
			// A backup holds a setting's value, not this device's clock reading of its last edit.
			settings: records
				.filter(isValidSetting)
				.map(({ key, value }) => ({ key, value }) as BackupSetting),
			interviewDate: v.is(InterviewDateSchema, interviewDate) ? interviewDate : null,
			myAnswers: readableAnswers(mine).map(plainAnswer),
			...(recordings ? { recordings } : {}),
			// Own decks without the clock reading of their last edit, which is this device's.
			ownDecks: ownDecksForBackup(decks.map(({ hlc: _hlc, ...deck }) => deck)),
			// A card's marks, without the clock reading of their last edit, which is this device's.
			marks: marksForBackup(marks.flatMap((mark) => markOf(mark) ?? []))
		};
		// A record that is not a recording (no audio) is left out as well.
		return { backup, recordingsLeftOut: voice.length - selected.chosen.length };
	} catch (error) {
		throw toStorageError(error);
	}
}

/** All progress as `exportBackup` reads it, without saying what was left out. */
export async function exportProgress(
	db: StudyDatabase,
	now: number,
	options: { recordings?: boolean; caps?: RecordingCaps } = {}
): Promise<Backup> {
	return (await exportBackup(db, now, options)).backup;
}

/** Settings as loadSettings reads them: an unknown key or a value out of range is not a setting. */
function isValidSetting(record: { key: string; value: unknown }): record is BackupSetting {
	return isSettingKey(record.key) && v.is(SettingsSchema.entries[record.key], record.value);
}

function capDuration<T extends { durationMs: number }>(record: T): T {
	return record.durationMs > LIMITS.maxAnswerMs
		? { ...record, durationMs: LIMITS.maxAnswerMs }
		: record;
}
