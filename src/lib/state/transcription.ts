import { AppError } from '$lib/errors';

// Only in the browser: loaded with import() when the microphone has started for "Record my
// answer", never while a page is prerendered or a test runs in Node.
//
// On this device only. The Web Speech API sends audio to a server unless `processLocally` is set,
// so no recogniser is started unless the browser has that property, says through the static
// `available({ langs, processLocally: true })` that on-device recognition is ready for the
// language, and is then told `processLocally = true` (it must fail rather than go to a server).

/** The language spoken answers are transcribed in: the notes are in English. */
export const TRANSCRIPT_LANGUAGE = 'en-US';

/** Why a spoken answer is not transcribed. */
export type TranscriptionProblem = 'unavailable' | 'downloadable' | 'downloading' | 'not-installed';

const MESSAGES: Record<TranscriptionProblem, string> = {
	unavailable:
		'Transcription on this device is not available in this browser, so your spoken answer is not written out. Recording and typing still work.',
	downloadable:
		'This browser can write out your spoken answers on this device once it has downloaded its speech model for English (once, from the browser’s maker). Until then this answer is not written out. Recording and typing still work.',
	downloading:
		'This browser is downloading what it needs to transcribe on this device, so this answer is not written out. Recording and typing still work.',
	'not-installed':
		'The browser did not download its speech model, so spoken answers are not written out. Recording and typing still work.'
};

/** A spoken answer cannot be transcribed on this device: the message says so plainly. */
export class TranscriptionError extends AppError {
	readonly problem: TranscriptionProblem;

	constructor(problem: TranscriptionProblem, options?: { cause?: unknown }) {
		super(MESSAGES[problem], options);
		this.name = 'TranscriptionError';
		this.problem = problem;
	}
}

/** A transcription under way. */
export interface Transcription {
	/**
	 * Stops listening; resolves with what was heard (plain text, '' when nothing).
	 * @throws TranscriptionError when the browser refused to transcribe on the device after all
	 */
	stop(): Promise<string>;
}

type Availability = 'available' | 'downloadable' | 'downloading' | 'unavailable';

interface AvailabilityOptions {
	langs: string[];
	processLocally: boolean;
}

/** The parts of SpeechRecognition used here (not in TypeScript's DOM types yet). */
interface Recognition {
	lang: string;
	continuous: boolean;
	interimResults: boolean;
	processLocally?: boolean;
	onresult: ((event: RecognitionResultEvent) => void) | null;
	onerror: ((event: { error: string }) => void) | null;
	onend: (() => void) | null;
	start(): void;
	stop(): void;
	abort(): void;
}

interface RecognitionResultEvent {
	resultIndex: number;
	results: ArrayLike<{ isFinal: boolean; 0?: { transcript: string } }>;
}

interface RecognitionClass {
	new (): Recognition;
	available?: (options: AvailabilityOptions) => Promise<Availability>;
	install?: (options: AvailabilityOptions) => Promise<boolean>;
}

/** Errors after which the browser would not transcribe on the device (never a server's fault). */
const REFUSED = new Set(['service-not-allowed', 'language-not-supported', 'not-allowed']);

/**
 * How often in a row a recogniser that ends by itself during an answer, having heard nothing, is
 * started again (a run that heard something starts the count again: a long answer with many
 * pauses is listened to to its end).
 */
const MAX_RESTARTS = 20;

/** How long a recogniser may take to hand over its last words after Stop. */
const STOP_GRACE_MS = 4000;

function recognitionClass(): RecognitionClass | null {
	const scope = globalThis as {
		SpeechRecognition?: RecognitionClass;
		webkitSpeechRecognition?: RecognitionClass;
	};
	return scope.SpeechRecognition ?? scope.webkitSpeechRecognition ?? null;
}

/** What the browser is asked about and to install: `lang`, recognised on this device only. */
function onDevice(lang: string): AvailabilityOptions {
	return { langs: [lang], processLocally: true };
}

/** Whether on-device recognition of `lang` is ready, can be downloaded, or is being. */
async function availability(Recognition: RecognitionClass, lang: string): Promise<Availability> {
	if (typeof Recognition.available !== 'function') return 'unavailable';
	const status = await Recognition.available(onDevice(lang));
	// A download the browser cannot start is no download.
	return status === 'downloadable' && typeof Recognition.install !== 'function'
		? 'unavailable'
		: status;
}

/**
 * Downloads the browser's on-device speech model for `lang`, when the learner asks for it (the
 * browser fetches it from its maker, never from us; it is never fetched unasked). Resolves once
 * it is installed.
 * @throws TranscriptionError when the browser cannot or did not install it
 */
export async function installTranscription(lang: string = TRANSCRIPT_LANGUAGE): Promise<void> {
	const Recognition = recognitionClass();
	if (!Recognition || typeof Recognition.install !== 'function') {
		throw new TranscriptionError('unavailable');
	}
	let installed: boolean;
	try {
		installed = await Recognition.install(onDevice(lang));
	} catch (error) {
		throw new TranscriptionError('not-installed', { cause: error });
	}
	if (!installed) throw new TranscriptionError('not-installed');
}

/**
 * Starts transcribing what the candidate says, on this device only.
 * @throws TranscriptionError when on-device transcription cannot be confirmed (no API, no
 *   `processLocally`, not available for the language), is not downloaded or is being downloaded
 */
export async function startTranscription(
	lang: string = TRANSCRIPT_LANGUAGE
): Promise<Transcription> {
	const Recognition = recognitionClass();
	if (!Recognition) throw new TranscriptionError('unavailable');
	let status: Availability;
	try {
		status = await availability(Recognition, lang);
	} catch (error) {
		throw new TranscriptionError('unavailable', { cause: error });
	}
	if (status === 'downloadable' || status === 'downloading') throw new TranscriptionError(status);
	if (status !== 'available') throw new TranscriptionError('unavailable');

	const recognition = new Recognition();
	// A browser without the property would take it as a plain field and could still use a server.
	if (!('processLocally' in recognition)) throw new TranscriptionError('unavailable');
	recognition.processLocally = true;
	if (recognition.processLocally !== true) throw new TranscriptionError('unavailable');
	recognition.lang = lang;
	recognition.continuous = true;
	recognition.interimResults = false;

	// What earlier runs heard (a recogniser may end by itself after a pause) and this run's results.
	const kept: string[] = [];
	let heard: string[] = [];
	let refused: unknown = null;
	let stopping = false;
	let restarts = 0;
	let ended = false;
	let onEnded: () => void = () => undefined;
	const end = new Promise<void>((resolve) => (onEnded = resolve));
	recognition.onresult = (event) => {
		for (let index = event.resultIndex; index < event.results.length; index++) {
			const result = event.results[index];
			if (result?.isFinal) heard[index] = result[0]?.transcript.trim() ?? '';
		}
	};
	recognition.onerror = (event) => {
		if (REFUSED.has(event.error)) refused = event.error;
	};
	recognition.onend = () => {
		const said = heard.filter((part) => part);
		if (said.length > 0) restarts = 0;
		kept.push(...said);
		heard = [];
		if (!stopping && refused === null && restarts < MAX_RESTARTS) {
			// Ended by itself during a pause while the candidate still speaks: listen on.
			restarts += 1;
			try {
				recognition.start();
				return;
			} catch {
				// It cannot listen again: what was heard so far is the transcript.
			}
		}
		ended = true;
		onEnded();
	};
	try {
		recognition.start();
	} catch (error) {
		throw new TranscriptionError('unavailable', { cause: error });
	}

	return {
		stop: async () => {
			stopping = true;
			if (!ended) {
				recognition.stop();
				let timer: ReturnType<typeof setTimeout> | undefined;
				const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS)));
				await Promise.race([end, late]);
				clearTimeout(timer);
				if (!ended) recognition.abort();
			}
			if (refused !== null) throw new TranscriptionError('unavailable', { cause: refused });
			return [...kept, ...heard.filter((part) => part)].join(' ').trim();
		}
	};
}
