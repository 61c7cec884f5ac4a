import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Rating } from '$lib/srs/types';
import { app } from '$lib/state/app.svelte';
import { saveInterviewDate } from '$lib/state/interview-date';
import { SettingsPage } from '$lib/state/settings-page.svelte';
import { MAX_RECORDINGS } from '$lib/backup/recordings';
import { saveRecording } from '$lib/storage/recordings';
import { loadMyAnswer, saveMyAnswer } from '$lib/storage/my-answers';
import { EMPTY_ANSWER } from '$lib/quiz/my-answer';
import { StudyPage } from '$lib/state/study-page.svelte';
import { freshDevice, mounted, until } from './site';

const QUESTION = 'cto-role/what-a-cto-is/q/interview';
let leaving: (() => void)[] = [];

beforeEach(async () => {
	await freshDevice();
});

afterEach(() => {
	for (const leave of leaving) leave();
	leaving = [];
});

async function settingsPage(): Promise<SettingsPage> {
	const { page, leave } = await mounted(new SettingsPage());
	leaving.push(leave);
	return page;
}

async function studyOneCard(): Promise<void> {
	const { page, leave } = await mounted(new StudyPage());
	leaving.push(leave);
	await page.start({ scope: {}, mode: 'review' });
	page.session?.reveal();
	await page.session?.answer(Rating.Good);
}

describe('the settings page model', () => {
	it('says when the interview plan sets the day’s new cards instead of the setting', async () => {
		const db = await app.ready();
		expect((await settingsPage()).planDate).toBeNull();
		await saveInterviewDate(db, { date: '2999-01-01', follow: true });
		expect((await settingsPage()).planDate).toBe('2999-01-01');
		await saveInterviewDate(db, { date: '2999-01-01', follow: false });
		expect((await settingsPage()).planDate).toBeNull();
		await saveInterviewDate(db, { date: '2001-01-01', follow: true });
		expect((await settingsPage()).planDate).toBeNull();
	});

	it('saves a setting for every page, and says what is allowed when a value is not', async () => {
		const page = await settingsPage();
		await page.saveSetting('newPerDay', 35);
		expect(page.savedSetting).toBe('newPerDay');
		expect(app.settings.newPerDay).toBe(35);
		await page.saveSetting('newPerDay', 1e9);
		expect(page.settingErrors.newPerDay).toBe(
			'This setting must be a whole number from 0 to 9999. Nothing was changed.'
		);
		expect(app.settings.newPerDay).toBe(35);
	});

	it('reminds to back up once there is progress, exports a file that imports, and stops reminding', async () => {
		const page = await settingsPage();
		expect(page.reminder).toBeNull();
		await studyOneCard();
		await until(() => page.reminder?.kind === 'never', 'the reminder');
		let file: { text: string; name: string } | null = null;
		await page.exportFile((text, name) => (file = { text, name }));
		expect(page.backup.problem).toBeNull();
		expect(page.backup.status).toMatch(
			/^Progress exported to cto-prep-progress-\d{4}-\d{2}-\d{2}\.json\.$/
		);
		expect(file).not.toBeNull();
		expect(page.lastBackupAt).not.toBeNull();
		expect(page.reminder).toBeNull();
	});

	it('puts the recordings in the file only when the learner asks, and says how much larger it gets', async () => {
		await saveRecording(await app.ready(), {
			item: 'cto-role/what-a-cto-is/q/interview',
			audio: new Blob([new Uint8Array(300)], { type: 'audio/webm' }),
			mimeType: 'audio/webm',
			size: 300,
			recordedAt: Date.now() - 1000
		});
		const page = await settingsPage();
		await studyOneCard();
		expect(page.recordingBytes).toBe(300);
		expect(page.includeRecordings).toBe(false);
		let text = '';
		await page.exportFile((written) => (text = written));
		expect(JSON.parse(text)).not.toHaveProperty('recordings');
		page.includeRecordings = true;
		await page.exportFile((written) => (text = written));
		expect(page.backup.problem).toBeNull();
		expect(JSON.parse(text).recordings).toEqual([
			expect.objectContaining({
				item: 'cto-role/what-a-cto-is/q/interview',
				mimeType: 'audio/webm'
			})
		]);
	});

	it('exports a file that imports when the recordings are more than a backup holds, and says how many were left out', async () => {
		const db = await app.ready();
		const now = Date.now();
		// One more than a backup holds; the oldest is left out.
		for (let index = 0; index <= MAX_RECORDINGS; index++) {
			await saveRecording(db, {
				item: `${QUESTION}-${index}`,
				audio: new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/webm' }),
				mimeType: 'audio/webm',
				size: 3,
				recordedAt: now - 1000 - index
			});
		}
		const page = await settingsPage();
		page.includeRecordings = true;
		let text = '';
		await page.exportFile((written) => (text = written));
		expect(page.backup.status).toMatch(/^Progress exported to /);
		expect(page.backup.problem).toBe(
			'1 recording was left out of the file, which holds the newest that fit in what a backup can import (30 MB of audio and 1,000 recordings in all). It stays on this device.'
		);
		const recordings: { item: string }[] = JSON.parse(text).recordings;
		expect(recordings).toHaveLength(MAX_RECORDINGS);
		expect(recordings.map(({ item }) => item)).not.toContain(`${QUESTION}-${MAX_RECORDINGS}`);
		expect(page.lastBackupAt).not.toBeNull();
	});

	it('loads the rest of the page, export included, when the recordings cannot be counted, and says so', async () => {
		await studyOneCard();
		// Storage fails to read the recordings, and them alone.
		const openCursor = IDBObjectStore.prototype.openCursor;
		const broken = vi.spyOn(IDBObjectStore.prototype, 'openCursor').mockImplementation(function (
			this: IDBObjectStore,
			...args
		) {
			if (this.name === 'recordings') throw new DOMException('Disk error', 'UnknownError');
			return openCursor.apply(this, args);
		});
		try {
			const page = await settingsPage();
			expect(page.error).toBeNull();
			expect(page.counts).toMatchObject({ cards: 1, reviews: 1 });
			expect(page.recordings.total).toBeNull();
			expect(page.recordings.problem).toMatch(/^Your recordings could not be read: \S/);
			let text = '';
			await page.exportFile((written) => (text = written));
			expect(page.backup.problem).toBeNull();
			expect(JSON.parse(text).reviews).toHaveLength(1);
		} finally {
			broken.mockRestore();
		}
	});

	it('imports only after the learner confirms, then counts what is stored', async () => {
		const page = await settingsPage();
		await studyOneCard();
		let text = '';
		await page.exportFile((written) => (text = written));
		await page.askReset();
		expect(page.pendingReset).toMatchObject({ cards: 1, reviews: 1 });
		await page.confirmReset();
		expect(page.reset.status).toBe(
			'Your progress was deleted. Decks, settings, your own answers and your recordings stayed.'
		);
		await until(() => page.counts?.reviews === 0, 'the counts after the reset');

		await page.chooseBackup(new File([text], 'backup.json'));
		expect(page.pendingImport?.checked.backup.reviews).toHaveLength(1);
		// Nothing is replaced before the learner confirms.
		expect(page.counts?.reviews).toBe(0);
		const summary = await page.confirmImport();
		expect(summary).toMatchObject({ cards: 1, reviews: 1 });
		expect(page.backup.status).toMatch(/^Progress imported: 1 card state and 1 flashcard answer/);
		await until(() => page.counts?.reviews === 1, 'the counts after the import');
	});

	it('refuses a bad file with its reason, changing nothing', async () => {
		const page = await settingsPage();
		await studyOneCard();
		await page.chooseBackup(new File(['{"format":"anki-deck"}'], 'deck.json'));
		expect(page.pendingImport).toBeNull();
		expect(page.backup.problem).toBe(
			'deck.json was not imported, and nothing was changed. This is not a CTO Prep progress backup: its format is "anki-deck", not "cto-prep-progress".'
		);
		await page.refresh();
		expect(page.counts?.reviews).toBe(1);
	});

	it('refuses a file whose own answers carry markup, and the stored story stays', async () => {
		const db = await app.ready();
		const story = { ...EMPTY_ANSWER, item: QUESTION, notes: 'Mine.', updatedAt: Date.now() - 1 };
		await saveMyAnswer(db, story);
		const page = await settingsPage();
		let text = '';
		await page.exportFile((written) => (text = written));
		const file = JSON.parse(text);
		file.myAnswers = [{ ...story, notes: '<img src=x onerror="alert(1)">', updatedAt: Date.now() }];
		await page.chooseBackup(new File([JSON.stringify(file)], 'hostile.json'));
		expect(page.pendingImport).toBeNull();
		expect(page.backup.problem).toMatch(
			/^hostile\.json was not imported, and nothing was changed\. .*myAnswers\[0\]\.notes contains HTML or a script/
		);
		expect(await page.confirmImport()).toBeNull();
		expect(await loadMyAnswer(db, QUESTION)).toEqual(story);
	});
});
