import { BACKUP_FORMAT, BACKUP_SECTIONS, type Backup } from './schema';
import type { ProgressCounts } from '$lib/storage/backup';

const DAY = 24 * 60 * 60 * 1000;

/** How long a backup stays fresh before the learner is reminded to make another. */
export const BACKUP_REMINDER_DAYS = 14;

/** The file name of a backup made at `now`: `cto-prep-progress-2026-11-23.json` (local date). */
export function backupFileName(now: number): string {
	const date = new Date(now);
	const pad = (value: number) => String(value).padStart(2, '0');
	const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
	return `${BACKUP_FORMAT}-${day}.json`;
}

/**
 * The backup as JSON text, one record per line: compact enough for years of answers, and still
 * readable and comparable line by line.
 */
export function serializeBackup(backup: Backup): string {
	const head = [
		`"format":${JSON.stringify(backup.format)}`,
		`"version":${JSON.stringify(backup.version)}`,
		`"exportedAt":${JSON.stringify(backup.exportedAt)}`
	];
	const sections = BACKUP_SECTIONS.map((section) => listed(section, backup[section]));
	const tail = [
		...(backup.interviewDate === undefined
			? []
			: [`"interviewDate":${JSON.stringify(backup.interviewDate)}`]),
		...(backup.myAnswers === undefined ? [] : [listed('myAnswers', backup.myAnswers)]),
		...(backup.recordings === undefined ? [] : [listed('recordings', backup.recordings)]),
		...(backup.ownDecks === undefined ? [] : [listed('ownDecks', backup.ownDecks)]),
		...(backup.marks === undefined ? [] : [listed('marks', backup.marks)])
	];
	return `{${[...head, ...sections, ...tail].join(',\n')}}\n`;
}

/** A section of records, one record per line. */
function listed(section: string, records: readonly unknown[]): string {
	if (records.length === 0) return `"${section}":[]`;
	return `"${section}":[\n${records.map((record) => JSON.stringify(record)).join(',\n')}\n]`;
}

/** Whether there is any progress at all. */
export function hasProgress(counts: ProgressCounts): boolean {
	return counts.cards + counts.reviews + counts.quizAttempts + counts.interviewAnswers > 0;
}

/** Why the learner should make a backup now, or null when the last one is recent enough. */
export type BackupReminder = { kind: 'never' } | { kind: 'old'; days: number };

/**
 * Whether to remind the learner to export: when there is progress but no backup yet, or the last
 * backup is older than BACKUP_REMINDER_DAYS days.
 * @param lastBackupAt when the last backup was made (epoch ms), or null for never
 * @param now the current time (epoch ms)
 */
export function backupReminder(
	lastBackupAt: number | null,
	hasProgress: boolean,
	now: number
): BackupReminder | null {
	if (lastBackupAt === null) return hasProgress ? { kind: 'never' } : null;
	const age = now - lastBackupAt;
	if (age <= BACKUP_REMINDER_DAYS * DAY) return null;
	return { kind: 'old', days: Math.floor(age / DAY) };
}
