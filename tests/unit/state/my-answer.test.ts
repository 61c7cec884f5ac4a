import { describe, expect, it } from 'vitest';
import { AnswerRecorder } from '$lib/state/answer-recorder.svelte';
import type { Capture } from '$lib/state/microphone';
import { MicrophoneError } from '$lib/state/microphone';
import { MyAnswerEditor } from '$lib/state/my-answer.svelte';
import { MAX_RECORDING_BYTES } from '$lib/limits';
import type { StudyDatabase } from '$lib/storage/db';
import { loadMyAnswer } from '$lib/storage/my-answers';
import { loadRecording, recordingsTotal } from '$lib/storage/recordings';
import { freshDB } from '../storage/db';
import { until } from './site';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const QUESTION = 'cto-role/what-a-cto-is/q/interview';
const now = () => NOW;

/** A database whose every write fails as a full device's does. */
function fullDevice(db: StudyDatabase): StudyDatabase {
	const full = () => Promise.reject(new DOMException('full', 'QuotaExceededError'));
	return new Proxy(db, {
		get: (target, key) => (key === 'put' || key === 'delete' ? full : bound(target, key))
	});
}

/** The database's own member, its methods bound to it (a proxy is not an IDBDatabase). */
function bound(db: StudyDatabase, key: string | symbol): unknown {
	const value: unknown = Reflect.get(db, key, db);
	return typeof value === 'function' ? value.bind(db) : value;
}

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

/** A microphone that records `bytes` bytes, and says when it was stopped. */
function fakeMicrophone(bytes = 1200) {
	const state = { stopped: 0 };
	const capture = async (): Promise<Capture> => ({
		stop: async () => {
			state.stopped += 1;
			return new Blob([new Uint8Array(bytes)], { type: 'audio/webm;codecs=opus' });
		}
	});
	return { capture, state };
}

const urls = () => {
	const live = new Set<string>();
	let next = 0;
	return {
		live,
		create: () => {
			const url = `blob:test/${(next += 1)}`;
			live.add(url);
			return url;
		},
		revoke: (url: string) => live.delete(url)
	};
};

describe('the recorder of a spoken answer', () => {
	it('records until Stop, keeps the newest recording and offers it to play', async () => {
		const db = await freshDB();
		const { capture } = fakeMicrophone();
		const addresses = urls();
		const recorder = new AnswerRecorder(QUESTION, {
			open: async () => db,
			now,
			capture,
			urls: addresses
		});
		await recorder.load();
		expect(recorder.url).toBeNull();
		await recorder.start(NOW + 120_000);
		expect(recorder.phase).toBe('recording');
		await recorder.stop();
		expect(recorder.phase).toBe('idle');
		expect(recorder.problem).toBeNull();
		expect(recorder.url).toBe('blob:test/1');
		expect(await recordingsTotal(db)).toEqual({ count: 1, bytes: 1200 });
		const kept = await loadRecording(db, QUESTION);
		expect(kept).toMatchObject({ mimeType: 'audio/webm;codecs=opus', size: 1200, recordedAt: NOW });

		// Recording again replaces it, and the old address is let go.
		await recorder.start(NOW + 120_000);
		await recorder.stop();
		expect(await recordingsTotal(db)).toEqual({ count: 1, bytes: 1200 });
		expect([...addresses.live]).toEqual(['blob:test/2']);
		await recorder.dispose();
		expect(addresses.live.size).toBe(0);
	});

	it('a Stop while the browser still asks for the microphone records nothing and keeps the last', async () => {
		const db = await freshDB();
		const { capture, state } = fakeMicrophone(300);
		let allow: () => void = () => undefined;
		const asking = () =>
			new Promise<Capture>((resolve) => (allow = () => void capture().then(resolve)));
		const recorder = new AnswerRecorder(QUESTION, {
			open: async () => db,
			now,
			capture,
			urls: urls()
		});
		await recorder.start(NOW + 120_000);
		await recorder.stop();
		expect(await loadRecording(db, QUESTION)).toMatchObject({ size: 300 });

		const slow = new AnswerRecorder(QUESTION, {
			open: async () => db,
			now,
			capture: asking,
			urls: urls()
		});
		const starting = slow.start(NOW + 120_000);
		expect(slow.phase).toBe('starting');
		await slow.stop();
		allow();
		await starting;
		expect(slow.phase).toBe('idle');
		// The microphone was let go at once (two stops: the first recording's and this one's).
		expect(state.stopped).toBe(2);
		expect(await recordingsTotal(db)).toEqual({ count: 1, bytes: 300 });
		expect(slow.url).toBeNull();
	});

	it('keeps no recording larger than a backup may carry, and says so', async () => {
		const db = await freshDB();
		const recorder = new AnswerRecorder(QUESTION, {
			open: async () => db,
			now,
			capture: fakeMicrophone(MAX_RECORDING_BYTES + 1).capture,
			urls: urls()
		});
		await recorder.start(NOW + 120_000);
		await recorder.stop();
		expect(recorder.problem).toBe(
			'This recording is larger than 5 MB, the most a recording may be, so it was not kept and your last one stays. Record a shorter answer.'
		);
		expect(await recordingsTotal(db)).toEqual({ count: 0, bytes: 0 });
	});

	it('stops by itself when the question’s time is up', async () => {
		const db = await freshDB();
		const { capture, state } = fakeMicrophone();
		let clock = NOW;
		const recorder = new AnswerRecorder(QUESTION, {
			open: async () => db,
			now: () => clock,
			capture,
			urls: urls()
		});
		await recorder.start(NOW + 5);
		clock = NOW + 5;
		await until(() => recorder.url !== null, 'the recording kept at the end of the time');
		expect(state.stopped).toBe(1);
		// No time left: nothing starts.
		await recorder.start(NOW);
		expect(recorder.phase).toBe('idle');
	});

	it('a refused microphone says so in plain words and records nothing', async () => {
		const db = await freshDB();
		const recorder = new AnswerRecorder(QUESTION, {
			open: async () => db,
			now,
			capture: () => Promise.reject(new MicrophoneError('denied')),
			urls: urls()
		});
		await recorder.start(NOW + 60_000);
		expect(recorder.phase).toBe('idle');
		expect(recorder.problem).toMatch(/^The microphone is not allowed for this app/);
		expect(recorder.problem).toMatch(/you can still answer aloud or type/);
		expect(await recordingsTotal(db)).toEqual({ count: 0, bytes: 0 });
	});

	it('without a browser microphone (Node, prerendering) says this browser cannot record', async () => {
		const db = await freshDB();
		const recorder = new AnswerRecorder(QUESTION, { open: async () => db, now });
		await recorder.start(NOW + 60_000);
		expect(recorder.problem).toMatch(/^This browser cannot record sound here/);
		expect(recorder.phase).toBe('idle');
	});

	it('a recording with no sound in it says so and keeps the one before', async () => {
		const db = await freshDB();
		const options = { open: async () => db, now, urls: urls() };
		const first = new AnswerRecorder(QUESTION, { ...options, capture: fakeMicrophone().capture });
		await first.start(NOW + 60_000);
		await first.stop();
		const silent = new AnswerRecorder(QUESTION, { ...options, capture: fakeMicrophone(0).capture });
		await silent.start(NOW + 60_000);
		await silent.stop();
		expect(silent.problem).toMatch(/^Nothing was heard from the microphone/);
		expect(silent.phase).toBe('idle');
		expect(await recordingsTotal(db)).toEqual({ count: 1, bytes: 1200 });
	});

	it('a recording that cannot be kept (a full device) says so', async () => {
		const db = await freshDB();
		const recorder = new AnswerRecorder(QUESTION, {
			open: async () => fullDevice(db),
			now,
			capture: fakeMicrophone().capture,
			urls: urls()
		});
		await recorder.start(NOW + 60_000);
		await recorder.stop();
		expect(recorder.problem).toMatch(/^Your recording was not kept: Your device is out of storage/);
		expect(recorder.url).toBeNull();
	});
});
