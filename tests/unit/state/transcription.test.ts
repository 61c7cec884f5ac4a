import { afterEach, describe, expect, it } from 'vitest';
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

/** A browser's recogniser: with or without `processLocally`, saying `status` for on-device use. */
function browserRecogniser(
	status: Availability | null,
	options: { processLocally?: boolean; heard?: string[]; error?: string } = {}
) {
	const { processLocally = true, heard = [], error } = options;
	class Recogniser {
		lang = '';
		continuous = false;
		interimResults = true;
		onresult: ((event: unknown) => void) | null = null;
		onerror: ((event: { error: string }) => void) | null = null;
		onend: (() => void) | null = null;

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
});
