import { describe, expect, it } from 'vitest';
import { serializeBackup } from '$lib/backup/file';
import { parseBackup } from '$lib/backup/parse';
import { exportProgress, importProgress, resetProgress } from '$lib/storage/backup';
import { loadInterviewDate, saveInterviewDate } from '$lib/state/interview-date';
import { deviceContents, freshDB, importText } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const INTERVIEW = { date: '2026-12-15', follow: false };

/** A backup of a database, as a file's text. */
async function backupOf(interview: typeof INTERVIEW | null): Promise<string> {
	const db = await freshDB();
	if (interview) await saveInterviewDate(db, interview);
	return serializeBackup(await exportProgress(db, NOW));
}

describe('the interview date in a backup', () => {
	it('goes into the file and comes back on another device, plan switch included', async () => {
		const text = await backupOf(INTERVIEW);
		expect(JSON.parse(text).interviewDate).toEqual(INTERVIEW);
		const other = await freshDB();
		await importProgress(other, parseBackup(text, NOW));
		expect(await loadInterviewDate(other)).toEqual(INTERVIEW);
	});

	it('a file saying none clears the date; a file from before dates were kept leaves it', async () => {
		const db = await freshDB();
		await saveInterviewDate(db, INTERVIEW);
		const older = JSON.parse(await backupOf(null));
		delete older.interviewDate;
		await importProgress(db, parseBackup(JSON.stringify(older), NOW));
		expect(await loadInterviewDate(db)).toEqual(INTERVIEW);

		const none = await backupOf(null);
		expect(JSON.parse(none).interviewDate).toBeNull();
		await importProgress(db, parseBackup(none, NOW));
		expect(await loadInterviewDate(db)).toBeNull();
	});

	it('refuses a file whose date is not a calendar date, and stores nothing of it', async () => {
		const db = await freshDB();
		await saveInterviewDate(db, INTERVIEW);
		const bad = JSON.parse(await backupOf(null));
		bad.interviewDate = { date: '2026-02-30', follow: true };
		const before = await deviceContents(db, NOW);
		await expect(importText(db, JSON.stringify(bad), NOW)).rejects.toThrow(
			/interviewDate.*2026-12-15/s
		);
		expect(await deviceContents(db, NOW)).toEqual(before);
		bad.interviewDate = { date: '2026-12-01', follow: true, extra: '<script>' };
		await expect(importText(db, JSON.stringify(bad), NOW)).rejects.toThrow(/interviewDate.*extra/s);
		expect(await deviceContents(db, NOW)).toEqual(before);
		expect(await loadInterviewDate(db)).toEqual(INTERVIEW);
	});

	it('stays through a reset, as settings do', async () => {
		const db = await freshDB();
		await saveInterviewDate(db, INTERVIEW);
		await resetProgress(db);
		expect(await loadInterviewDate(db)).toEqual(INTERVIEW);
	});
});
