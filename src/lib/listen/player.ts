import { BLANK } from '$lib/content/blanks';
import type { CardItem } from '$lib/content/types';

/** What Listen reads for one card: the prompt, then, after a pause, the answer. */
export interface ListenTrack {
	id: string;
	prompt: string;
	answer: string;
}

/** Says a text aloud; resolves when it has been said, rejects when `signal` aborts it. */
export type Speak = (text: string, signal: AbortSignal) => Promise<void>;

/** Waits `ms` milliseconds; rejects when `signal` aborts. */
export type Wait = (ms: number, signal: AbortSignal) => Promise<void>;

/** The silence between one card's answer and the next card's prompt. */
export const GAP_MS = 1200;

/** The words Listen says for a flashcard. */
export function trackOf(card: CardItem): ListenTrack {
	if (card.kind === 'cloze') {
		// An imported cloze may hide several phrases: each blank is said.
		return { id: card.id, prompt: card.text.replaceAll(BLANK, 'blank'), answer: card.answer };
	}
	return { id: card.id, prompt: card.front, answer: card.back };
}

/** Where the player is. */
export interface PlayerState {
	status: 'idle' | 'playing' | 'paused' | 'done';
	index: number;
	/** What is being said or waited for on the current card. */
	part: 'prompt' | 'pause' | 'answer' | 'gap';
}

/**
 * Reads a list of cards aloud: prompt, pause, answer, next. Pausing stops speech at once; resuming
 * starts the card again from its prompt; skipping goes to the next card. It never touches the
 * study schedule.
 */
export class ListenPlayer {
	#tracks: readonly ListenTrack[];
	#speak: Speak;
	#wait: Wait;
	#pauseMs: number;
	#onchange: (state: PlayerState) => void;
	#onfail: (error: unknown) => void;
	#state: PlayerState = { status: 'idle', index: 0, part: 'prompt' };
	#abort: AbortController | null = null;

	constructor(
		tracks: readonly ListenTrack[],
		speak: Speak,
		wait: Wait,
		pauseMs: number,
		onchange: (state: PlayerState) => void,
		onfail: (error: unknown) => void = () => {}
	) {
		this.#tracks = tracks;
		this.#speak = speak;
		this.#wait = wait;
		this.#pauseMs = pauseMs;
		this.#onchange = onchange;
		this.#onfail = onfail;
	}

	get state(): PlayerState {
		return this.#state;
	}

	/** Starts (or resumes) reading from the current card. */
	play(): void {
		if (this.#state.status === 'playing') return;
		if (this.#state.status === 'done') this.#set({ index: 0 });
		void this.#run();
	}

	/** Stops speaking now; `play` resumes at the start of the same card. */
	pause(): void {
		if (this.#state.status !== 'playing') return;
		this.#abort?.abort();
		this.#set({ status: 'paused', part: 'prompt' });
	}

	/** Goes on to the next card (playing on if it was playing). */
	skip(): void {
		const playing = this.#state.status === 'playing';
		this.#abort?.abort();
		const index = this.#state.index + 1;
		if (index >= this.#tracks.length) {
			this.#set({ status: 'done', index: this.#tracks.length, part: 'prompt' });
			return;
		}
		this.#set({ status: playing ? 'paused' : this.#state.status, index, part: 'prompt' });
		if (playing) void this.#run();
	}

	/** Stops and goes back to the first card. */
	stop(): void {
		this.#abort?.abort();
		this.#set({ status: 'idle', index: 0, part: 'prompt' });
	}

	#set(change: Partial<PlayerState>): void {
		this.#state = { ...this.#state, ...change };
		this.#onchange(this.#state);
	}

	async #run(): Promise<void> {
		const abort = new AbortController();
		this.#abort = abort;
		this.#set({ status: 'playing', part: 'prompt' });
		try {
			while (this.#state.index < this.#tracks.length) {
				const track = this.#tracks[this.#state.index] as ListenTrack;
				this.#set({ part: 'prompt' });
				await this.#speak(track.prompt, abort.signal);
				this.#set({ part: 'pause' });
				await this.#wait(this.#pauseMs, abort.signal);
				this.#set({ part: 'answer' });
				await this.#speak(track.answer, abort.signal);
				if (this.#state.index + 1 < this.#tracks.length) {
					this.#set({ part: 'gap' });
					await this.#wait(GAP_MS, abort.signal);
				}
				this.#set({ index: this.#state.index + 1 });
			}
			this.#set({ status: 'done', part: 'prompt' });
		} catch (error) {
			// Paused, skipped or stopped: whoever aborted has set the state. Anything else is a
			// failure of the speech itself: the player stops on the card and says why.
			if (!abort.signal.aborted) {
				this.#set({ status: 'paused', part: 'prompt' });
				this.#onfail(error);
			}
		} finally {
			if (this.#abort === abort) this.#abort = null;
		}
	}
}

/** A wait built on timers, ended early by its signal. */
export const timerWait: Wait = (ms, signal) =>
	new Promise((resolve, reject) => {
		if (signal.aborted) {
			reject(signal.reason);
			return;
		}
		const onAbort = () => {
			clearTimeout(timer);
			reject(signal.reason);
		};
		const timer = setTimeout(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal.addEventListener('abort', onAbort, { once: true });
	});
