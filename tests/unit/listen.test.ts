import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	ListenPlayer,
	timerWait,
	trackOf,
	type PlayerState,
	type Speak,
	type Wait
} from '$lib/listen/player';
import {
	browserSpeech,
	SpeechStartError,
	START_TIMEOUT_MS,
	VOICES_WAIT_MS,
	watchVoices
} from '$lib/listen/speech';
import { deckFrom, PROSE, TERMS } from './content/notes';
import { isCardItem } from '$lib/content/types';

/** A speech engine that records what it says and finishes each text when told to. */
function recorder() {
	const spoken: string[] = [];
	const pending: (() => void)[] = [];
	const settle = (signal: AbortSignal) =>
		new Promise<void>((resolve, reject) => {
			const onAbort = () => reject(new Error('aborted'));
			pending.push(() => {
				signal.removeEventListener('abort', onAbort);
				resolve();
			});
			signal.addEventListener('abort', onAbort, { once: true });
		});
	const speak: Speak = (text, signal) => {
		spoken.push(text);
		return settle(signal);
	};
	const wait: Wait = (_ms, signal) => settle(signal);
	/** Lets every pending speech or wait finish, and the player move on. */
	const flush = async (times = 1) => {
		for (let i = 0; i < times; i++) {
			pending.splice(0).forEach((resolve) => resolve());
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
	};
	return { spoken, speak, wait, flush };
}

const tracks = [
	{ id: 'a', prompt: 'Prompt A', answer: 'Answer A' },
	{ id: 'b', prompt: 'Prompt B', answer: 'Answer B' },
	{ id: 'c', prompt: 'Prompt C', answer: 'Answer C' }
];

describe('Listen', () => {
	it('reads each prompt, pauses, reads the answer, and goes on to the next card', async () => {
		const engine = recorder();
		const states: PlayerState[] = [];
		const player = new ListenPlayer(tracks, engine.speak, engine.wait, 3000, (state) =>
			states.push(state)
		);
		player.play();
		await engine.flush(20);
		expect(engine.spoken).toEqual([
			'Prompt A',
			'Answer A',
			'Prompt B',
			'Answer B',
			'Prompt C',
			'Answer C'
		]);
		expect(player.state.status).toBe('done');
		expect(states.some((state) => state.part === 'pause')).toBe(true);
	});

	it('pauses at once and resumes from the start of the same card', async () => {
		const engine = recorder();
		const player = new ListenPlayer(tracks, engine.speak, engine.wait, 0, () => undefined);
		player.play();
		await engine.flush(2);
		expect(engine.spoken).toEqual(['Prompt A', 'Answer A']);
		player.pause();
		expect(player.state).toMatchObject({ status: 'paused', index: 0 });
		await engine.flush(3);
		expect(engine.spoken).toHaveLength(2);
		player.play();
		await engine.flush(2);
		expect(engine.spoken).toEqual(['Prompt A', 'Answer A', 'Prompt A', 'Answer A']);
	});

	it('skips to the next card', async () => {
		const engine = recorder();
		const player = new ListenPlayer(tracks, engine.speak, engine.wait, 0, () => undefined);
		player.play();
		await engine.flush(0);
		player.skip();
		await engine.flush(0);
		expect(engine.spoken).toEqual(['Prompt A', 'Prompt B']);
		expect(player.state).toMatchObject({ status: 'playing', index: 1 });
	});

	it('reads flashcards of every kind, a cloze with its blank', () => {
		const cards = deckFrom(TERMS + PROSE)
			.items.filter(isCardItem)
			.map(trackOf);
		expect(cards).toContainEqual({
			id: 'test/the-rescue/todd-park/cloze',
			prompt: 'The White House CTO, blank, formed a rescue team.',
			answer: 'Todd Park'
		});
		// An imported cloze may hide several phrases: each blank is said.
		const imported = trackOf({
			id: 'own-acme/cards/k-1/cloze',
			kind: 'cloze',
			topic: 'cards',
			fact: 'own-acme/cards/k-1',
			source: { file: 'acme.txt', heading: 'Acme', anchor: '', line: 1 },
			text: '[…] founded Acme in […].',
			answer: 'Ada; 2015'
		});
		expect(imported.prompt).toBe('blank founded Acme in blank.');
		expect(cards[0]).toEqual({
			id: 'test/strategic-roles/technology-strategy/basic',
			prompt: 'What does the strategic role "Technology strategy" cover?',
			answer: "A roadmap for technology that serves the company's long-term plans."
		});
	});

	it('stops on the card and says why when speech fails, rather than reading for ever', async () => {
		const failure = new Error('no voice');
		const failures: unknown[] = [];
		const speak: Speak = () => Promise.reject(failure);
		const player = new ListenPlayer(
			tracks,
			speak,
			(_ms, signal) => timerWait(0, signal),
			0,
			() => undefined,
			(error) => failures.push(error)
		);
		player.play();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(failures).toEqual([failure]);
		expect(player.state).toMatchObject({ status: 'paused', index: 0 });
	});
});

describe('the browser speech', () => {
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	/** A speech service whose voices and start are as given. */
	function stubSynthesis(voices: unknown[], starts: boolean) {
		const listeners: (() => void)[] = [];
		vi.stubGlobal(
			'SpeechSynthesisUtterance',
			class {
				onstart: (() => void) | null = null;
				onend: (() => void) | null = null;
				constructor(readonly text: string) {}
			}
		);
		const synthesis = {
			voices,
			getVoices: () => synthesis.voices,
			speak: (utterance: { onstart: (() => void) | null; onend: (() => void) | null }) => {
				if (!starts) return;
				utterance.onstart?.();
				utterance.onend?.();
			},
			cancel: () => undefined,
			addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
			removeEventListener: () => undefined
		};
		vi.stubGlobal('speechSynthesis', synthesis);
		return { synthesis, voicesArrive: () => listeners.forEach((listener) => listener()) };
	}

	it('fails with a message a person can act on when a voice never starts', async () => {
		vi.useFakeTimers();
		stubSynthesis([{ name: 'voice' }], false);
		const speaking = browserSpeech()!('Hello', new AbortController().signal);
		const outcome = expect(speaking).rejects.toThrow(SpeechStartError);
		await vi.advanceTimersByTimeAsync(START_TIMEOUT_MS);
		await outcome;
	});

	it('speaks when the voice starts', async () => {
		stubSynthesis([{ name: 'voice' }], true);
		await expect(browserSpeech()!('Hello', new AbortController().signal)).resolves.toBeUndefined();
	});

	it('knows whether there is a voice: at once, once they load, or none after a wait', async () => {
		vi.useFakeTimers();
		const seen: boolean[] = [];
		stubSynthesis([{ name: 'voice' }], true);
		watchVoices((present) => seen.push(present));
		expect(seen).toEqual([true]);

		const late = stubSynthesis([], true);
		watchVoices((present) => seen.push(present));
		late.synthesis.voices = [{ name: 'voice' }];
		late.voicesArrive();
		expect(seen).toEqual([true, true]);

		stubSynthesis([], true);
		watchVoices((present) => seen.push(present));
		await vi.advanceTimersByTimeAsync(VOICES_WAIT_MS);
		expect(seen).toEqual([true, true, false]);
	});
});
