import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeMyAnswers } from '$lib/backup/merge';
import { describeMyAnswersMerge } from '$lib/format';
import { EMPTY_ANSWER, type MyAnswer } from '$lib/quiz/my-answer';
import { app } from '$lib/state/app.svelte';
import { SettingsPage } from '$lib/state/settings-page.svelte';
import { loadMyAnswers, saveMyAnswer } from '$lib/storage/my-answers';
import { freshDevice, mounted } from './site';

const NOW = Date.UTC(2026, 10, 23, 10, 0);
const HOUR = 3_600_000;
const Q = 'cto-role/what-a-cto-is/q/interview';

function story(item: string, notes: string, hoursAgo: number): MyAnswer {
	return { ...EMPTY_ANSWER, item: `${Q}-${item}`, notes, updatedAt: NOW - hoursAgo * HOUR };
}

let leaving: (() => void)[] = [];

beforeEach(async () => {
	// Only the date is fixed: IndexedDB's own timers keep running.
	vi.useFakeTimers({ toFake: ['Date'], now: NOW });
	await freshDevice();
});

afterEach(() => {
	for (const leave of leaving) leave();
	leaving = [];
	vi.useRealTimers();
});

/** A settings page on a device holding `stories`, and a backup file of it with `fileAnswers`. */
async function importing(stories: MyAnswer[], fileAnswers: MyAnswer[] | undefined) {
	const db = await app.ready();
	for (const answer of stories) await saveMyAnswer(db, answer);
	const { page, leave } = await mounted(new SettingsPage());
	leaving.push(leave);
	let text = '';
	await page.exportFile((written) => (text = written));
	const file = JSON.parse(text);
	if (fileAnswers) file.myAnswers = fileAnswers;
	else delete file.myAnswers;
	await page.chooseBackup(new File([JSON.stringify(file)], 'backup.json'));
	return { db, page };
}

describe('importing a backup and the candidate’s own answers', () => {
	it('merges by question, the newer edit winning, and says so with counts before anything changes', async () => {
		const older = story('a', 'Device, older', 5);
		const newer = story('b', 'Device, newer', 1);
		const onlyHere = story('c', 'Only on this device', 3);
		const fileA = story('a', 'File, newer', 2);
		const fileB = story('b', 'File, older', 4);
		const onlyInFile = story('d', 'Only in the file', 2);
		const { db, page } = await importing([older, newer, onlyHere], [fileA, fileB, onlyInFile]);

		expect(page.pendingImport?.mine).toEqual({ taken: [fileA, onlyInFile], replaced: 1, kept: 2 });
		expect(describeMyAnswersMerge(page.pendingImport!.mine)).toBe(
			'Your own answers are merged, not replaced: 1 answer of your own is added from the file, 1 answer on this device is replaced by a newer edit in the file and 2 answers on this device stay as they are.'
		);
		// Nothing changes before the learner confirms.
		expect(await loadMyAnswers(db)).toEqual([older, newer, onlyHere]);

		expect((await page.confirmImport())?.myAnswers).toBe(2);
		expect(await loadMyAnswers(db)).toEqual([fileA, newer, onlyHere, onlyInFile]);
	});

	it('keeps every answer on this device when the file’s list is empty or absent, and says so', async () => {
		const mine = [story('a', 'Mine', 5), story('b', 'Also mine', 1)];
		for (const fileAnswers of [[], undefined]) {
			await freshDevice();
			const { db, page } = await importing(mine, fileAnswers);
			expect(describeMyAnswersMerge(page.pendingImport!.mine)).toBe(
				'Your own answers are merged, not replaced: 2 answers on this device stay as they are (the file has none newer).'
			);
			await page.confirmImport();
			expect(page.backup.problem).toBeNull();
			expect(await loadMyAnswers(db)).toEqual(mine);
		}
	});

	it('keeps the device’s answer when both were edited at the same moment', () => {
		const here = story('a', 'Here', 1);
		const there = story('a', 'There', 1);
		expect(mergeMyAnswers([here], [there])).toEqual({ taken: [], replaced: 0, kept: 1 });
		expect(describeMyAnswersMerge(mergeMyAnswers([], []))).toBe('');
	});
});
