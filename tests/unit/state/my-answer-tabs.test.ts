import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_ANSWER } from '$lib/quiz/my-answer';
import { app } from '$lib/state/app.svelte';
import { MyAnswerEditor } from '$lib/state/my-answer.svelte';
import { loadMyAnswer, saveMyAnswer } from '$lib/storage/my-answers';
import { freshDevice, settled } from './site';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const QUESTION = 'cto-role/what-a-cto-is/q/interview';

let editors: MyAnswerEditor[] = [];
let otherTab: BroadcastChannel;

beforeEach(async () => {
	vi.useFakeTimers({ toFake: ['Date'], now: NOW });
	await freshDevice();
	// Another tab of the app: it stores an answer, then says so on the app's channel.
	otherTab = new BroadcastChannel('cto-prep');
});

afterEach(() => {
	for (const editor of editors) editor.dispose();
	editors = [];
	otherTab.close();
	vi.useRealTimers();
});

async function shown(): Promise<MyAnswerEditor> {
	const editor = new MyAnswerEditor(QUESTION, { delayMs: 60_000 });
	editors.push(editor);
	await editor.load();
	return editor;
}

/** Another tab saves `notes` as this question's answer, a minute later. */
async function savedInOtherTab(notes: string, minutes = 1): Promise<void> {
	const db = await app.ready();
	await saveMyAnswer(db, {
		...EMPTY_ANSWER,
		item: QUESTION,
		notes,
		updatedAt: NOW + minutes * 60_000
	});
	otherTab.postMessage({ type: 'changed' });
}

describe('your own answer open in two tabs', () => {
	it('shows what another tab saved when nothing is being typed here', async () => {
		const editor = await shown();
		await savedInOtherTab('Written in the other tab.');
		await settled(() => expect(editor.text.notes).toBe('Written in the other tab.'));
		expect(editor.notice).toBeNull();
		expect(editor.state).toBe('saved');
	});

	it('keeps what is being typed here, says the other tab changed it, and saving replaces it', async () => {
		const editor = await shown();
		editor.edit('notes', 'Typed here, not saved yet.');
		await savedInOtherTab('Written in the other tab.');
		await settled(() =>
			expect(editor.notice).toBe(
				'This answer was changed in another tab. What you typed here stays, and replaces it when it is saved.'
			)
		);
		expect(editor.text.notes).toBe('Typed here, not saved yet.');
		vi.setSystemTime(NOW + 2 * 60_000);
		expect(await editor.save()).toBe(true);
		expect(editor.notice).toBeNull();
		expect((await loadMyAnswer(await app.ready(), QUESTION))?.notes).toBe(
			'Typed here, not saved yet.'
		);
	});

	it('does not take its own save for another tab’s, and tells other tabs it saved', async () => {
		const editor = await shown();
		const heard = new Promise((resolve) => (otherTab.onmessage = resolve));
		editor.edit('notes', 'Mine.');
		await editor.save();
		await heard;
		editor.edit('notes', 'Mine, longer.');
		// Its own save is read back here too: the text typed since stays, and is not flagged.
		app.changed();
		await editor.reloading;
		expect(editor.notice).toBeNull();
		expect(editor.text.notes).toBe('Mine, longer.');
	});

	it('shows an answer deleted in another tab as empty, and follows no tab once the question goes', async () => {
		const editor = await shown();
		await savedInOtherTab('Soon deleted.');
		await settled(() => expect(editor.text.notes).toBe('Soon deleted.'));
		await saveMyAnswer(await app.ready(), { ...EMPTY_ANSWER, item: QUESTION, updatedAt: NOW });
		otherTab.postMessage({ type: 'changed' });
		await settled(() => expect(editor.blank).toBe(true));

		editor.dispose();
		const later = await shown();
		await savedInOtherTab('After it went.', 3);
		await settled(() => expect(later.text.notes).toBe('After it went.'));
		await editor.reloading;
		expect(editor.blank).toBe(true);
	});
});
