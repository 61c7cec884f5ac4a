import { errorMessage } from '$lib/errors';
import { MAX_RECORDING_BYTES, MAX_TRANSCRIPT_LENGTH } from '$lib/limits';
import type { StudyDatabase } from '$lib/storage/db';
import {
	DamagedRecordingError,
	type Recording,
	loadRecording,
	saveRecording
} from '$lib/storage/recordings';
import { app } from './app.svelte';
import type { Capture } from './microphone';
import type { Transcription } from './transcription';

export type RecorderPhase = 'idle' | 'starting' | 'recording' | 'saving';

export interface RecorderOptions {
	open?: () => Promise<StudyDatabase>;
	now?: () => number;
	/** Starts recording; the browser's microphone unless a test gives its own. */
	capture?: () => Promise<Capture>;
	/** Makes a playable address of a recording, and lets go of one (the browser's object URLs). */
	urls?: { create: (blob: Blob) => string; revoke: (url: string) => void };
	/**
	 * Starts writing out what is said, on this device only; the browser's on-device speech
	 * recognition unless a test gives its own. Rejects (with the reason to show) when it cannot.
	 */
	transcribe?: () => Promise<Transcription>;
	/** Where to say that transcription is not available: shared by the recorders of one session. */
	speech?: SpeechNote;
}

/**
 * Whether spoken answers can be written out on this device, said once for a session's recorders:
 * null until a recording finds out, or while it works.
 */
export class SpeechNote {
	text = $state<string | null>(null);
	/** The browser can download its on-device speech model: offered, fetched only when asked. */
	downloadable = $state(false);
	downloading = $state(false);

	/** The reasons said so far this session: said again, a reason is said in short. */
	#said: string[] = [];

	/** Says why a spoken answer is not written out (null: it is); a reason said before, in short. */
	tell(error: unknown): void {
		const reason = error === null ? null : errorMessage(error);
		const again = reason !== null && this.#said.includes(reason);
		if (reason !== null && !again) this.#said.push(reason);
		this.text = again
			? 'This answer is not written out either, for the reason said before.'
			: reason;
		// Read by its field: TranscriptionError's module loads only with the recorder's first take.
		this.downloadable = (error as { problem?: string } | null)?.problem === 'downloadable';
	}

	/**
	 * Has the browser download its speech model, on the learner's word; says how it went.
	 * @param install the browser's download unless a test gives its own
	 */
	async download(
		install = () => import('./transcription').then((module) => module.installTranscription())
	): Promise<void> {
		if (this.downloading) return;
		if (typeof navigator !== 'undefined' && navigator.onLine === false) {
			this.text = 'You are offline: the speech model can be downloaded once you are online.';
			return;
		}
		this.downloading = true;
		this.downloadable = false;
		this.text = 'Downloading the speech model…';
		try {
			await install();
			this.text = 'The speech model is downloaded: your next recorded answer is written out.';
		} catch (error) {
			this.tell(error);
		} finally {
			this.downloading = false;
		}
	}
}

const browserUrls = {
	create: (blob: Blob) => URL.createObjectURL(blob),
	revoke: (url: string) => URL.revokeObjectURL(url)
};

/**
 * The spoken answer to one interview question: recorded from the microphone while the question's
 * clock runs (it stops when time is up, on Stop, or when the key points are revealed), kept on
 * this device in place of the one before, and played back after the reveal.
 */
export class AnswerRecorder {
	readonly item: string;
	phase = $state<RecorderPhase>('idle');
	/** Why nothing is recorded or kept (no microphone, refused, storage full); null when fine. */
	problem = $state<string | null>(null);
	/** The address the player plays the kept recording from; null when there is none. */
	url = $state<string | null>(null);
	recordedAt = $state<number | null>(null);
	/** What the kept recording says, transcribed on this device; null when it was not transcribed. */
	transcript = $state<string | null>(null);
	/** How long the kept recording lasts, ms; null for one kept by a version without it. */
	spokenMs = $state<number | null>(null);
	/** Said near the record button when what is said cannot be written out on this device. */
	readonly speech: SpeechNote;

	#open: () => Promise<StudyDatabase>;
	#now: () => number;
	#capture: () => Promise<Capture>;
	#urls: { create: (blob: Blob) => string; revoke: (url: string) => void };
	#transcribe: () => Promise<Transcription>;
	#running: Capture | null = null;
	/** The transcription started with the recording under way (null when it could not start). */
	#listening: Promise<Transcription | null> | null = null;
	/** When the recording under way started, epoch ms. */
	#startedAt = 0;
	/** The recording just stopped, while it is being kept: true once it is. */
	#saving: Promise<boolean> = Promise.resolve(false);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#disposed = false;
	/** Stop was asked for before the microphone started. */
	#cancelled = false;

	constructor(item: string, options: RecorderOptions = {}) {
		this.item = item;
		this.#open = options.open ?? (() => app.ready());
		this.#now = options.now ?? Date.now;
		// Loaded on first use: no page carries the recording code until someone records.
		this.#capture =
			options.capture ?? (() => import('./microphone').then((module) => module.startCapture()));
		this.#urls = options.urls ?? browserUrls;
		this.#transcribe =
			options.transcribe ??
			(() => import('./transcription').then((module) => module.startTranscription()));
		this.speech = options.speech ?? new SpeechNote();
	}

	/** Reads the kept recording of this question, if any, for playing back. */
	async load(): Promise<void> {
		try {
			const kept = await loadRecording(await this.#open(), this.item);
			if (kept && this.phase === 'idle' && !this.#disposed) this.#show(kept);
		} catch (error) {
			this.problem =
				error instanceof DamagedRecordingError
					? error.message
					: `Your recording could not be read: ${errorMessage(error)}`;
		}
	}

	/**
	 * Starts recording until `until` (epoch ms, the end of the question's time) or Stop.
	 * A microphone that is refused or missing leaves a message and nothing else changes.
	 */
	async start(until: number): Promise<void> {
		if (this.phase !== 'idle' || this.#disposed) return;
		const left = until - this.#now();
		if (left <= 0) return;
		this.phase = 'starting';
		this.#cancelled = false;
		this.problem = null;
		try {
			this.#running = await this.#capture();
		} catch (error) {
			this.problem = errorMessage(error);
			this.phase = 'idle';
			return;
		}
		if (this.#cancelled || this.#disposed) {
			// Stopped (or the key points revealed) while the browser was still asking: nothing is kept,
			// the microphone is let go, and the last recording stays.
			const running = this.#running;
			this.#running = null;
			this.phase = 'idle';
			try {
				await running?.stop();
			} catch (error) {
				// Nothing was being kept, but the microphone may still be on: say so (the cause is logged).
				this.problem = `The microphone could not be turned off: ${errorMessage(error)}`;
			}
			return;
		}
		this.phase = 'recording';
		this.#startedAt = this.#now();
		// Only once the microphone is allowed: the recogniser listens to it too.
		this.#listening = this.#listen();
		this.#timer = setTimeout(() => void this.stop(), left);
	}

	/** Starts writing out what is said; when it cannot, says why once (near the record button). */
	async #listen(): Promise<Transcription | null> {
		try {
			const transcription = await this.#transcribe();
			this.speech.tell(null);
			return transcription;
		} catch (error) {
			this.speech.tell(error);
			return null;
		}
	}

	/** What the transcription heard; null when there was none or the browser refused after all. */
	async #heard(listening: Promise<Transcription | null> | null): Promise<string | null> {
		const transcription = await listening;
		if (!transcription) return null;
		try {
			return (await transcription.stop()).slice(0, MAX_TRANSCRIPT_LENGTH);
		} catch (error) {
			this.speech.tell(error);
			return null;
		}
	}

	/**
	 * Stops recording and keeps what was recorded, in place of this question's last recording.
	 * Resolves true once this take is kept (false: none was under way, or it was not kept).
	 */
	stop(): Promise<boolean> {
		if (this.phase === 'starting') {
			this.#cancelled = true;
			return Promise.resolve(false);
		}
		// Stopped already and being kept: resolves when it is.
		if (this.phase === 'saving') return this.#saving;
		const running = this.#running;
		if (this.phase !== 'recording' || !running) return Promise.resolve(false);
		clearTimeout(this.#timer);
		this.#running = null;
		const listening = this.#listening;
		this.#listening = null;
		this.phase = 'saving';
		this.#saving = this.#keep(running, listening, Math.max(0, this.#now() - this.#startedAt));
		return this.#saving;
	}

	/** Keeps what was recorded (and heard), in place of this question's last recording. */
	async #keep(
		running: Capture,
		listening: Promise<Transcription | null> | null,
		spokenMs: number
	): Promise<boolean> {
		try {
			const [audio, transcript] = await Promise.all([running.stop(), this.#heard(listening)]);
			if (audio.size === 0) {
				// A microphone that gave no sound (muted by the system, say): the last recording stays.
				this.problem =
					'Nothing was heard from the microphone, so your last recording was kept. Check that it is not muted, then try again.';
				return false;
			}
			if (audio.size > MAX_RECORDING_BYTES) {
				this.problem = `This recording is larger than ${MAX_RECORDING_BYTES / (1024 * 1024)} MB, the most a recording may be, so it was not kept and your last one stays. Record a shorter answer.`;
				return false;
			}
			const recording = {
				item: this.item,
				audio,
				mimeType: audio.type,
				size: audio.size,
				recordedAt: this.#now(),
				spokenMs,
				...(transcript === null ? {} : { transcript })
			};
			await saveRecording(await this.#open(), recording);
			this.problem = null;
			if (!this.#disposed) this.#show(recording);
			return true;
		} catch (error) {
			this.problem = `Your recording was not kept: ${errorMessage(error)}`;
			return false;
		} finally {
			this.phase = 'idle';
		}
	}

	#show(recording: Recording): void {
		if (this.url) this.#urls.revoke(this.url);
		this.url = this.#urls.create(recording.audio);
		this.recordedAt = recording.recordedAt;
		this.transcript = recording.transcript ?? null;
		this.spokenMs = recording.spokenMs ?? null;
	}

	/**
	 * The question goes: a recording under way is stopped and kept, the player's address let go.
	 * Resolves once that recording is kept (or refused).
	 */
	async dispose(): Promise<void> {
		this.#disposed = true;
		const stopped = this.stop();
		if (this.url) this.#urls.revoke(this.url);
		this.url = null;
		await stopped;
	}
}
