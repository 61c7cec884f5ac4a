import type { Speak } from './player';

/**
 * The browser's speech synthesis as a Speak function, or null where the browser has none.
 */
export function browserSpeech(): Speak | null {
	if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') {
		return null;
	}
	return (text, signal) =>
		new Promise((resolve, reject) => {
			if (signal.aborted) {
				reject(signal.reason);
				return;
			}
			const utterance = new SpeechSynthesisUtterance(text);
			const onAbort = () => {
				speechSynthesis.cancel();
				reject(signal.reason);
			};
			utterance.lang = 'en';
			utterance.onend = () => {
				signal.removeEventListener('abort', onAbort);
				resolve();
			};
			utterance.onerror = (event) => {
				signal.removeEventListener('abort', onAbort);
				// Cancelling speech ends the utterance with "interrupted" or "canceled".
				if (signal.aborted) reject(signal.reason);
				else reject(new Error(`Speech failed: ${event.error}`));
			};
			signal.addEventListener('abort', onAbort, { once: true });
			speechSynthesis.speak(utterance);
		});
}
