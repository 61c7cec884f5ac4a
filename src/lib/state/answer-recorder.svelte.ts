import { errorMessage } from '$lib/errors';
import { MAX_RECORDING_BYTES } from '$lib/limits';
import type { StudyDatabase } from '$lib/storage/db';
import { loadRecording, saveRecording } from '$lib/storage/recordings';
import { app } from './app.svelte';
import type { Capture } from './microphone';

export type RecorderPhase = 'idle' | 'starting' | 'recording' | 'saving';

export interface RecorderOptions {
	open?: () => Promise<StudyDatabase>;
	now?: () => number;
	/** Starts recording; the browser's microphone unless a test gives its own. */
	capture?: () => Promise<Capture>;
	/** Makes a playable address of a recording, and lets go of one (the browser's object URLs). */
	urls?: { create: (blob: Blob) => string; revoke: (url: string) => void };
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

	#open: () => Promise<StudyDatabase>;
	#now: () => number;
	#capture: () => Promise<Capture>;
	#urls: { create: (blob: Blob) => string; revoke: (url: string) => void };
	#running: Capture | null = null;
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
	}

	/** Reads the kept recording of this question, if any, for playing back. */
	async load(): Promise<void> {
		try {
			const kept = await loadRecording(await this.#open(), this.item);
			if (kept && this.phase === 'idle') this.#show(kept.audio, kept.recordedAt);
		} catch (error) {
			this.problem = `Your recording could not be read: ${errorMessage(error)}`;
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
			await running?.stop().catch(() => undefined);
			return;
		}
		this.phase = 'recording';
		this.#timer = setTimeout(() => void this.stop(), left);
	}

	/** Stops recording and keeps what was recorded, in place of this question's last recording. */
	async stop(): Promise<void> {
		if (this.phase === 'starting') {
			this.#cancelled = true;
			return;
		}
		const running = this.#running;
		if (this.phase !== 'recording' || !running) return;
		clearTimeout(this.#timer);
		this.#running = null;
		this.phase = 'saving';
		try {
			const audio = await running.stop();
			if (audio.size === 0) {
				// A microphone that gave no sound (muted by the system, say): the last recording stays.
				this.problem =
					'Nothing was heard from the microphone, so your last recording was kept. Check that it is not muted, then try again.';
				return;
			}
			if (audio.size > MAX_RECORDING_BYTES) {
				this.problem = `This recording is larger than ${MAX_RECORDING_BYTES / (1024 * 1024)} MB, the most a recording may be, so it was not kept and your last one stays. Record a shorter answer.`;
				return;
			}
			const recordedAt = this.#now();
			await saveRecording(await this.#open(), {
				item: this.item,
				audio,
				mimeType: audio.type,
				size: audio.size,
				recordedAt
			});
			this.problem = null;
			if (!this.#disposed) this.#show(audio, recordedAt);
		} catch (error) {
			this.problem = `Your recording was not kept: ${errorMessage(error)}`;
		} finally {
			this.phase = 'idle';
		}
	}

	#show(audio: Blob, recordedAt: number): void {
		if (this.url) this.#urls.revoke(this.url);
		this.url = this.#urls.create(audio);
		this.recordedAt = recordedAt;
	}

	/** The question goes: a recording under way is stopped and kept, the player's address let go. */
	dispose(): void {
		this.#disposed = true;
		void this.stop();
		if (this.url) this.#urls.revoke(this.url);
		this.url = null;
	}
}
