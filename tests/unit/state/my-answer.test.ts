import { describe, expect, it } from 'vitest';
import { MyAnswerEditor } from '$lib/state/my-answer.svelte';
import { loadMyAnswer } from '$lib/storage/my-answers';
import { freshDB } from '../storage/db';
import { bound, fullDevice } from './full-device';
import { until } from './site';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const QUESTION = 'cto-role/what-a-cto-is/q/interview';
const now = () => NOW;

describe('the editor of your own answer', () => {
	it('cannot be typed in when the stored answer could not be read, until a retry reads it', async () => {
		const db = await freshDB();
		await new MyAnswerEditor(QUESTION, { open: async () => db, now }).load();
		const stored = new MyAnswerEditor(QUESTION, { open: async () => db, now, delayMs: 1 });
		stored.edit('result', 'Kept story.');
		await stored.save();
		let broken = true;
		const failing = new Proxy(db, {
			get: (target, key) =>
				key === 'get' && broken
					? () => Promise.reject(new DOMException('gone', 'UnknownError'))
					: bound(target, key)
		});
		const editor = new MyAnswerEditor(QUESTION, { open: async () => failing, now, delayMs: 1 });
		await editor.load();
		expect(editor.unread).toBe(true);
		expect(editor.editable).toBe(false);
		expect(editor.error).toMatch(/^Your answer could not be read, so it cannot be changed now: /);
		editor.edit('result', '');
		expect(await editor.save()).toBe(false);
		expect((await loadMyAnswer(db, QUESTION))?.result).toBe('Kept story.');

		broken = false;
		await editor.load();
		expect(editor.editable).toBe(true);
		expect(editor.error).toBeNull();
		expect(editor.text.result).toBe('Kept story.');
	});

	it('says when the stored answer is damaged, and a new one replaces it', async () => {
		const db = await freshDB();
		await db.put('myAnswers', { item: QUESTION, mood: 'proud' } as never);
		const editor = new MyAnswerEditor(QUESTION, { open: async () => db, now, delayMs: 1 });
		await editor.load();
		expect(editor.error).toBe(
			'Your answer stored for this question is damaged and cannot be shown. What you write now replaces it.'
		);
		expect(editor.editable).toBe(true);
		editor.edit('notes', 'A new story.');
		expect(await editor.save()).toBe(true);
		expect((await loadMyAnswer(db, QUESTION))?.notes).toBe('A new story.');
	});

	it('saves a moment after typing pauses, and reads it back for the same question', async () => {
		const db = await freshDB();
		const editor = new MyAnswerEditor(QUESTION, { open: async () => db, now, delayMs: 1 });
		await editor.load();
		expect(editor.blank).toBe(true);
		editor.edit('situation', 'Two teams, one service.');
		editor.edit('action', '<b>x</b> merged them');
		expect(editor.state).toBe('unsaved');
		await until(() => editor.state === 'saved', 'the save');
		expect(editor.error).toBeNull();
		expect(await loadMyAnswer(db, QUESTION)).toMatchObject({
			situation: 'Two teams, one service.',
			action: '<b>x</b> merged them',
			task: '',
			updatedAt: NOW
		});

		const again = new MyAnswerEditor(QUESTION, { open: async () => db, now });
		await again.load();
		expect(again.text.action).toBe('<b>x</b> merged them');
		expect(again.state).toBe('saved');
	});

	it('saves at once when the question goes, and keeps what was typed while it loaded', async () => {
		const db = await freshDB();
		const first = new MyAnswerEditor(QUESTION, { open: async () => db, now, delayMs: 60_000 });
		await first.load();
		first.edit('result', 'Half the pages.');
		first.dispose();
		await until(() => first.state === 'saved', 'the save on leaving');
		expect((await loadMyAnswer(db, QUESTION))?.result).toBe('Half the pages.');

		const second = new MyAnswerEditor(QUESTION, { open: async () => db, now, delayMs: 60_000 });
		const loading = second.load();
		second.edit('notes', 'typed before it loaded');
		await loading;
		expect(second.text.notes).toBe('typed before it loaded');
	});

	it('refuses to save a part over 4,000 characters, saying which', async () => {
		const db = await freshDB();
		const editor = new MyAnswerEditor(QUESTION, { open: async () => db, now });
		await editor.load();
		editor.edit('task', 'x'.repeat(4001));
		expect(await editor.save()).toBe(false);
		expect(editor.error).toBe(
			'Task is longer than 4,000 characters, so your answer was not saved. Shorten it to save.'
		);
		expect(await loadMyAnswer(db, QUESTION)).toBeNull();
		editor.edit('task', 'x'.repeat(4000));
		expect(await editor.save()).toBe(true);
		expect(editor.error).toBeNull();
	});

	it('says so when storage fails, keeps the text, and saves it on the next try', async () => {
		const db = await freshDB();
		let failing = true;
		const editor = new MyAnswerEditor(QUESTION, {
			open: async () => (failing ? fullDevice(db) : db),
			now
		});
		await editor.load();
		editor.edit('notes', 'Say the numbers.');
		expect(await editor.save()).toBe(false);
		expect(editor.error).toMatch(
			/^Your answer was not saved \(it is still here\): Your device is out of storage space/
		);
		expect(editor.text.notes).toBe('Say the numbers.');
		expect(editor.state).toBe('unsaved');
		failing = false;
		expect(await editor.save()).toBe(true);
		expect(editor.error).toBeNull();
		expect((await loadMyAnswer(db, QUESTION))?.notes).toBe('Say the numbers.');
	});
});
