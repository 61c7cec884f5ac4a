import { AppError } from '$lib/errors';
import type { Speak } from './player';

/** How long a voice may take to start speaking before Listen gives up and says so. */
export const START_TIMEOUT_MS = 8000;

/** How long to wait for the browser to load its voices before saying there are none. */
export const VOICES_WAIT_MS = 3000;

/** Speech that never started: no working voice, or the device's speech service is stuck. */
export class SpeechStartError extends AppError {
	/** @param reason the speech service's own error, when it gave one */
	constructor(reason?: string) {
		super(
			`Your device did not ${reason ? `read aloud (${reason})` : 'start reading aloud'}. Check that a text-to-speech voice is installed and the sound is on, then press Play again.`
		);
		this.name = 'SpeechStartError';
	}
}

/** Whether the browser has speech synthesis at all. */
export function hasSpeech(): boolean {
	return typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';
}

/**
 * Tells `onvoices` whether the browser has a voice: at once when its voices are loaded, or when
 * they arrive (browsers load them late), or `false` after VOICES_WAIT_MS without any.
 * @returns what stops listening
 */
export function watchVoices(onvoices: (present: boolean) => void): () => void {
	if (!hasSpeech()) {
		onvoices(false);
		return () => {};
	}
	const present = () => speechSynthesis.getVoices().length > 0;
	if (present()) {
		onvoices(true);
		return () => {};
	}
	const check = () => {
		if (!present()) return;
		stop();
		onvoices(true);
	};
	const timer = setTimeout(() => {
		stop();
		onvoices(present());
	}, VOICES_WAIT_MS);
	const stop = () => {
		clearTimeout(timer);
		speechSynthesis.removeEventListener?.('voiceschanged', check);
	};
	speechSynthesis.addEventListener?.('voiceschanged', check);
	return stop;
}

/**
 * The browser's speech synthesis as a Speak function, or null where the browser has none. A text
 * that does not start within START_TIMEOUT_MS fails with SpeechStartError.
 */
export function browserSpeech(): Speak | null {
	if (!hasSpeech()) return null;
	return (text, signal) =>
		new Promise((resolve, reject) => {
			if (signal.aborted) {
				reject(signal.reason);
				return;
			}
			const utterance = new SpeechSynthesisUtterance(text);
			const done = () => {
				clearTimeout(startTimer);
				signal.removeEventListener('abort', onAbort);
			};
			const onAbort = () => {
				done();
				speechSynthesis.cancel();
				reject(signal.reason);
			};
			const startTimer = setTimeout(() => {
				done();
				speechSynthesis.cancel();
				reject(new SpeechStartError());
			}, START_TIMEOUT_MS);
			utterance.lang = 'en';
			utterance.onstart = () => clearTimeout(startTimer);
			utterance.onend = () => {
				done();
				resolve();
			};
			utterance.onerror = (event) => {
				done();
				// Cancelling speech ends the utterance with "interrupted" or "canceled".
				if (signal.aborted) reject(signal.reason);
				else reject(new SpeechStartError(event.error));
			};
			signal.addEventListener('abort', onAbort, { once: true });
			speechSynthesis.speak(utterance);
		});
}
