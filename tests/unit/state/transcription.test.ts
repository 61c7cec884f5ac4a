import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpeechNote } from '$lib/state/answer-recorder.svelte';
import {
	installTranscription,
	startTranscription,
	TranscriptionError
} from '$lib/state/transcription';

type Availability = 'available' | 'downloadable' | 'downloading' | 'unavailable';

/** What the fake recognisers of a test were asked to do. */
const calls = {
	started: 0,
	stopped: 0,
	installs: 0,
	asked: [] as unknown[],
	local: [] as unknown[]
};

/** What a browser's recogniser has that the app sets and is called back through. */
class RecogniserFields {
	lang = '';
	continuous = false;
	interimResults = true;
	onresult: ((event: unknown) => void) | null = null;
	onerror: ((event: { error: string }) => void) | null = null;
	onend: (() => void) | null = null;
}

/** A browser's recogniser: with or without `processLocally`, saying `status` for on-device use. */
function browserRecogniser(
	status: Availability | null,
	options: { processLocally?: boolean; heard?: string[]; error?: string } = {}
) {
	const { processLocally = true, heard = [], error } = options;
	class Recogniser extends RecogniserFields {
		start() {
			calls.started += 1;
			calls.local.push((this as { processLocally?: boolean }).processLocally);
		}

		stop() {
			calls.stopped += 1;
			if (error) this.onerror?.({ error });
			const results = heard.map((text) => ({ isFinal: true, 0: { transcript: text } }));
			this.onresult?.({ resultIndex: 0, results });
			this.onend?.();
		}

		abort() {
			this.onend?.();
		}
	}
	if (processLocally) {
		let local = false;
		Object.defineProperty(Recogniser.prototype, 'processLocally', {
			get: () => local,
			set: (value: boolean) => (local = value)
		});
	}
	if (status !== null) {
		Object.assign(Recogniser, {
			available: async (asked: unknown) => {
				calls.asked.push(asked);
				return status;
			},
			install: async () => {
				calls.installs += 1;
				return true;
			}
		});
	}
	return Recogniser;
}

function install(recogniser: unknown, name = 'SpeechRecognition') {
	(globalThis as Record<string, unknown>)[name] = recogniser;
}

afterEach(() => {
	delete (globalThis as Record<string, unknown>).SpeechRecognition;
	delete (globalThis as Record<string, unknown>).webkitSpeechRecognition;
	Object.assign(calls, { started: 0, stopped: 0, installs: 0, asked: [], local: [] });
});

const UNAVAILABLE =
	'Transcription on this device is not available in this browser, so your spoken answer is not written out. Recording and typing still work.';

describe('transcribing on this device only', () => {
	it('writes out what is heard with a recogniser told to process locally', async () => {
		install(browserRecogniser('available', { heard: ['We cut scope', ' then hired. '] }));
		const transcription = await startTranscription();
		expect(calls.asked).toEqual([{ langs: ['en-US'], processLocally: true }]);
		expect(calls.local).toEqual([true]);
		expect(await transcription.stop()).toBe('We cut scope then hired.');
	});

	it('uses the prefixed recogniser (Chrome) the same way', async () => {
		install(browserRecogniser('available', { heard: ['Hello'] }), 'webkitSpeechRecognition');
		expect(await (await startTranscription()).stop()).toBe('Hello');
		expect(calls.local).toEqual([true]);
	});

	it('starts no recogniser where on-device processing cannot be confirmed', async () => {
		for (const recogniser of [
			undefined,
			// No way to ask whether it can work on the device: it might send audio to a server.
			browserRecogniser(null),
			browserRecogniser('available', { processLocally: false }),
			browserRecogniser('unavailable')
		]) {
			if (recogniser) install(recogniser);
			await expect(startTranscription()).rejects.toThrow(UNAVAILABLE);
		}
		expect(calls.started).toBe(0);
	});

	it('never downloads the on-device model unasked: says it can be, or is being, downloaded', async () => {
		install(browserRecogniser('downloadable'));
		const error = await startTranscription().catch((reason: unknown) => reason);
		expect(error).toBeInstanceOf(TranscriptionError);
		expect((error as TranscriptionError).problem).toBe('downloadable');
		expect(calls.installs).toBe(0);
		install(browserRecogniser('downloading'));
		await expect(startTranscription()).rejects.toThrow(/is downloading what it needs/);
		expect(calls.started).toBe(0);
	});

	it('downloads the model when asked, and says so when the browser does not', async () => {
		install(browserRecogniser('downloadable'));
		await installTranscription();
		expect(calls.installs).toBe(1);
		expect(calls.asked).toEqual([]);
		const refusing = browserRecogniser('downloadable');
		Object.assign(refusing, { install: async () => false });
		install(refusing);
		await expect(installTranscription()).rejects.toThrow(/did not download its speech model/);
		Object.assign(refusing, {
			install: async () => {
				throw new Error('network');
			}
		});
		await expect(installTranscription()).rejects.toThrow(/did not download its speech model/);
		install(browserRecogniser(null));
		await expect(installTranscription()).rejects.toThrow(UNAVAILABLE);
	});

	it('a recogniser that refuses to work locally after all gives no transcript', async () => {
		install(browserRecogniser('available', { heard: ['x'], error: 'service-not-allowed' }));
		const transcription = await startTranscription();
		await expect(transcription.stop()).rejects.toThrow(UNAVAILABLE);
	});
});

describe('the offer to download the speech model', () => {
	it('is made when the browser can download it, and says how the download went', async () => {
		const note = new SpeechNote();
		note.tell(new TranscriptionError('downloadable'));
		expect(note.downloadable).toBe(true);
		expect(note.text).toMatch(/once it has downloaded its speech model/);
		let finish = () => {};
		const downloading = note.download(() => new Promise<void>((resolve) => (finish = resolve)));
		expect(note.downloading).toBe(true);
		expect(note.downloadable).toBe(false);
		expect(note.text).toBe('Downloading the speech model…');
		finish();
		await downloading;
		expect(note.text).toBe(
			'The speech model is downloaded: your next recorded answer is written out.'
		);

		note.tell(new TranscriptionError('downloadable'));
		await note.download(async () => {
			throw new TranscriptionError('not-installed');
		});
		expect(note.downloading).toBe(false);
		expect(note.text).toMatch(/did not download its speech model/);
		note.tell(new TranscriptionError('unavailable'));
		expect(note.downloadable).toBe(false);
	});

	it('says a reason once in full; the same reason again, in short', () => {
		const note = new SpeechNote();
		note.tell(new TranscriptionError('unavailable'));
		expect(note.text).toBe(UNAVAILABLE);
		note.tell(new TranscriptionError('unavailable'));
		expect(note.text).toBe('This answer is not written out either, for the reason said before.');
		note.tell(null);
		expect(note.text).toBeNull();
	});

	it('is not taken up offline: it says to come back online, and stays on offer', async () => {
		vi.stubGlobal('navigator', { onLine: false });
		const note = new SpeechNote();
		note.tell(new TranscriptionError('downloadable'));
		let asked = false;
		await note.download(async () => {
			asked = true;
		});
		expect(asked).toBe(false);
		expect(note.text).toBe(
			'You are offline: the speech model can be downloaded once you are online.'
		);
		expect(note.downloadable).toBe(true);
	});
});

/**
 * A recogniser the test drives: it says what it heard when told to (`say`), ends by itself when
 * told to (`pause`), and on Stop ends only if `endsOnStop`.
 */
function drivenRecogniser(endsOnStop: boolean) {
	const live: { current: DrivenRecogniser | null; aborted: number } = { current: null, aborted: 0 };
	class DrivenRecogniser extends RecogniserFields {
		processLocally = false;
		#results: unknown[] = [];

		static available = async () => 'available';

		start() {
			calls.started += 1;
			this.#results = [];
			live.current = this;
		}

		say(text: string) {
			this.#results.push({ isFinal: true, 0: { transcript: text } });
			this.onresult?.({ resultIndex: this.#results.length - 1, results: this.#results });
		}

		pause() {
			this.onend?.();
		}

		stop() {
			calls.stopped += 1;
			if (endsOnStop) this.onend?.();
		}

		abort() {
			live.aborted += 1;
			this.onend?.();
		}
	}
	return { Recogniser: DrivenRecogniser, live };
}

describe('a recogniser that does not behave', () => {
	it('that ends by itself during a pause is started again, and keeps what it heard before', async () => {
		const { Recogniser, live } = drivenRecogniser(true);
		install(Recogniser);
		const transcription = await startTranscription();
		live.current!.say('We cut scope.');
		// The candidate pauses; the browser's recogniser ends by itself and is started again.
		live.current!.pause();
		expect(calls.started).toBe(2);
		live.current!.say('Then we hired.');
		expect(await transcription.stop()).toBe('We cut scope. Then we hired.');
	});

	it('listens through a long answer of many pauses, but not for ever to silence', async () => {
		const { Recogniser, live } = drivenRecogniser(true);
		install(Recogniser);
		const transcription = await startTranscription();
		// Forty pauses, each after something said: it is started again every time.
		for (let part = 0; part < 40; part++) {
			live.current!.say(`Part ${part}.`);
			live.current!.pause();
		}
		expect(calls.started).toBe(41);
		// Then silence: twenty restarts in a row with nothing heard, and it is not started again.
		for (let pause = 0; pause < 25; pause++) {
			const before = calls.started;
			live.current!.pause();
			if (calls.started === before) break;
		}
		expect(calls.started).toBe(60);
		const transcript = await transcription.stop();
		expect(transcript.startsWith('Part 0. Part 1.')).toBe(true);
		expect(transcript.endsWith('Part 39.')).toBe(true);
		// Ended already: Stop asks nothing more of it.
		expect(calls.stopped).toBe(0);
	});

	it('that never ends after Stop is aborted after a grace of seconds, with what it heard', async () => {
		vi.useFakeTimers();
		try {
			const { Recogniser, live } = drivenRecogniser(false);
			install(Recogniser);
			const transcription = await startTranscription();
			live.current!.say('We rolled back first.');
			let transcript: string | null = null;
			void transcription.stop().then((text) => (transcript = text));
			await vi.advanceTimersByTimeAsync(3900);
			expect(transcript).toBeNull();
			expect(live.aborted).toBe(0);
			await vi.advanceTimersByTimeAsync(200);
			expect(live.aborted).toBe(1);
			expect(transcript).toBe('We rolled back first.');
		} finally {
			vi.useRealTimers();
		}
	});
});
