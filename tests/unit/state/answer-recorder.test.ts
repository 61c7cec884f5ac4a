import { describe, expect, it, vi } from 'vitest';
import { AnswerRecorder } from '$lib/state/answer-recorder.svelte';
import type { Capture } from '$lib/state/microphone';
import { MicrophoneError } from '$lib/state/microphone';
import { MAX_RECORDING_BYTES } from '$lib/limits';
import { loadRecording, recordingsTotal } from '$lib/storage/recordings';
import { freshDB } from '../storage/db';
import { fullDevice } from './full-device';
import { until } from './site';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const QUESTION = 'cto-role/what-a-cto-is/q/interview';
const now = () => NOW;

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

describe('a microphone that cannot be let go', () => {
	it('after a Stop while the browser still asked says so and logs why', async () => {
		const db = await freshDB();
		const cause = new Error('track would not stop');
		let allow: () => void = () => undefined;
		const capture = () =>
			new Promise<Capture>(
				(resolve) => (allow = () => resolve({ stop: () => Promise.reject(cause) }))
			);
		const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const recorder = new AnswerRecorder(QUESTION, {
			open: async () => db,
			now,
			capture,
			urls: urls()
		});
		const starting = recorder.start(NOW + 120_000);
		await recorder.stop();
		allow();
		await starting;
		expect(recorder.phase).toBe('idle');
		expect(recorder.problem).toMatch(
			/^The microphone could not be turned off: Something went wrong/
		);
		expect(logged).toHaveBeenCalledWith('Unexpected failure:', cause);
		logged.mockRestore();
	});
});
