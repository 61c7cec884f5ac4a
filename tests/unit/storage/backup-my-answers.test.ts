import { describe, expect, it } from 'vitest';
import { serializeBackup } from '$lib/backup/file';
import { parseBackup } from '$lib/backup/parse';
import { BACKUP_VERSION } from '$lib/backup/schema';
import { EMPTY_ANSWER } from '$lib/quiz/my-answer';
import { exportProgress, importProgress, resetProgress } from '$lib/storage/backup';
import { loadMyAnswer, loadMyAnswers, saveMyAnswer } from '$lib/storage/my-answers';
import { recordingsTotal, saveRecording } from '$lib/storage/recordings';
import { deviceContents, freshDB, importText } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const QUESTION = 'cto-role/what-a-cto-is/q/interview';
const STORY = {
	...EMPTY_ANSWER,
	situation: 'Two teams ran the same service.',
	task: 'Make it one.',
	action: 'Merged the teams;\nwrote the plan.',
	result: 'Half the on-call load.',
	notes: 'Say the numbers.',
	item: QUESTION,
	updatedAt: NOW - 60_000
};

async function withStory(story = STORY) {
	const db = await freshDB();
	await saveMyAnswer(db, story);
	return db;
}

describe('your own answers in a backup', () => {
	it('go into the file and come back on another device; recordings stay behind', async () => {
		const db = await withStory();
		await saveRecording(db, {
			item: QUESTION,
			audio: new Blob([new Uint8Array(10)], { type: 'audio/webm' }),
			mimeType: 'audio/webm',
			size: 10,
			recordedAt: NOW - 1000
		});
		const text = serializeBackup(await exportProgress(db, NOW));
		expect(JSON.parse(text).myAnswers).toEqual([STORY]);
		expect(text).not.toMatch(/recording|audio/);
		const other = await freshDB();
		const summary = await importProgress(other, parseBackup(text, NOW));
		expect(summary.myAnswers).toBe(1);
		expect(await loadMyAnswer(other, QUESTION)).toEqual(STORY);
		expect(await recordingsTotal(other)).toEqual({ count: 0, bytes: 0 });
	});

	it('an import merges them: the newer edit of a question stays, the device’s others stay', async () => {
		const OTHER = 'cto-role/what-a-cto-is/q2/interview';
		const db = await withStory();
		await saveMyAnswer(db, { ...STORY, item: OTHER, notes: 'Only here.' });
		const older = JSON.parse(serializeBackup(await exportProgress(await freshDB(), NOW)));
		delete older.myAnswers;
		const summary = await importProgress(db, parseBackup(JSON.stringify(older), NOW));
		expect(summary.myAnswers).toBeNull();
		expect(await loadMyAnswer(db, QUESTION)).toEqual(STORY);

		// A file with none of them (an empty list) deletes nothing.
		const none = serializeBackup(await exportProgress(await freshDB(), NOW));
		expect((await importProgress(db, parseBackup(none, NOW))).myAnswers).toBe(0);
		expect(await loadMyAnswers(db)).toHaveLength(2);

		// An older edit in the file loses to this device's; a newer one wins.
		const file = JSON.parse(none);
		file.myAnswers = [{ ...STORY, result: 'Older.', updatedAt: STORY.updatedAt - 1 }];
		expect((await importProgress(db, parseBackup(JSON.stringify(file), NOW))).myAnswers).toBe(0);
		expect(await loadMyAnswer(db, QUESTION)).toEqual(STORY);
		file.myAnswers = [{ ...STORY, result: 'Newer.', updatedAt: STORY.updatedAt + 1 }];
		expect((await importProgress(db, parseBackup(JSON.stringify(file), NOW))).myAnswers).toBe(1);
		expect((await loadMyAnswer(db, QUESTION))?.result).toBe('Newer.');
		expect((await loadMyAnswer(db, OTHER))?.notes).toBe('Only here.');
	});

	it('markup typed in an answer is exported as look-alike text, so the file imports', async () => {
		const db = await withStory({ ...STORY, action: 'I said <b>no</b> to javascript: links' });
		const text = serializeBackup(await exportProgress(db, NOW));
		const other = await freshDB();
		await importProgress(other, parseBackup(text, NOW));
		expect((await loadMyAnswer(other, QUESTION))?.action).toBe(
			'I said ‹b>no‹/b> to javascript∶ links'
		);
		// The device that wrote it keeps it exactly as typed.
		expect((await loadMyAnswer(db, QUESTION))?.action).toBe(
			'I said <b>no</b> to javascript: links'
		);
	});

	it('a file carrying markup in an answer is refused, and nothing is stored', async () => {
		const db = await withStory();
		const file = JSON.parse(serializeBackup(await exportProgress(await freshDB(), NOW)));
		file.myAnswers = [{ ...STORY, result: '<img src=x onerror="alert(1)">' }];
		const before = await deviceContents(db, NOW);
		await expect(importText(db, JSON.stringify(file), NOW)).rejects.toThrow(
			'myAnswers[0].result contains HTML or a script'
		);
		expect(await deviceContents(db, NOW)).toEqual(before);
		expect(await loadMyAnswer(db, QUESTION)).toEqual(STORY);
	});

	it('refuses answers that are too long, of unknown shape, doubled or dated after the file', async () => {
		const file = JSON.parse(serializeBackup(await exportProgress(await freshDB(), NOW)));
		const refused = (myAnswers: unknown, why: RegExp) => {
			expect(() => parseBackup(JSON.stringify({ ...file, myAnswers }), NOW)).toThrow(why);
		};
		refused([{ ...STORY, notes: 'x'.repeat(4001) }], /myAnswers\[0\]\.notes.*4,000 characters/);
		refused([{ ...STORY, mood: 'proud' }], /a field "mood"/);
		refused([{ ...STORY, item: '../../x' }], /myAnswers\[0\]\.item must look like an item id/);
		refused([STORY, STORY], /two answers of your own to one question/);
		refused([{ ...STORY, updatedAt: NOW + 2 * 3_600_000 }], /myAnswers\[0\]\.updatedAt is dated/);
		refused('all of them', /myAnswers must be a list/);
	});

	it('come back from a version 1 file (made before the version said they could be there)', async () => {
		const db = await withStory();
		const file = JSON.parse(serializeBackup(await exportProgress(db, NOW)));
		expect(file.version).toBe(BACKUP_VERSION);
		const other = await freshDB();
		await importProgress(other, parseBackup(JSON.stringify({ ...file, version: 1 }), NOW));
		expect(await loadMyAnswer(other, QUESTION)).toEqual(STORY);
	});

	it('stay through a reset, as settings do', async () => {
		const db = await withStory();
		await resetProgress(db);
		expect(await loadMyAnswer(db, QUESTION)).toEqual(STORY);
	});
});
