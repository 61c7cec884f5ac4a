import type { InterviewItem } from '$lib/content/types';
import type { RecorderOptions } from '$lib/state/answer-recorder.svelte';
import { InterviewSession } from '$lib/state/interview.svelte';
import type { Capture } from '$lib/state/microphone';
import { TranscriptionError, type Transcription } from '$lib/state/transcription';
import type { StudyDatabase } from '$lib/storage/db';
import { deckFrom, ofKind, QUESTION } from '../content/notes';

// The fakes the interview's recording tests share: a clock, a microphone, a recogniser and a session.

export const NOW = Date.UTC(2026, 10, 23, 9, 0);
export const SETTINGS = { interviewSeconds: 120, desiredRetention: 0.9 };
// The notes' question: points 0 digital transformation, 1 unstable infrastructure, 2 rapid
// scale-up, 3 (evidence) a time they saw one of these moments and what it cost.
export const [ITEM] = ofKind(deckFrom(QUESTION), 'interview') as [InterviewItem];

/** A clock the test moves by hand. */
export function clock() {
	const time = { now: NOW };
	return { time, now: () => time.now };
}

/** A microphone that records `bytes` bytes; `asking` holds it until `allow()` (the prompt). */
export function microphone(bytes = 1200, asking = false) {
	const state = { stopped: 0, allow: () => undefined as void };
	const recording = (): Capture => ({
		stop: async () => {
			state.stopped += 1;
			return new Blob([new Uint8Array(bytes)], { type: 'audio/webm;codecs=opus' });
		}
	});
	const capture = () =>
		asking
			? new Promise<Capture>((resolve) => (state.allow = () => resolve(recording())))
			: Promise.resolve(recording());
	return { capture, state };
}

/** A recogniser that hears `words`, or one this device does not have. */
export function recogniser(words: string | TranscriptionError) {
	const state = { started: 0, stopped: 0 };
	const transcribe = async (): Promise<Transcription> => {
		if (words instanceof TranscriptionError) throw words;
		state.started += 1;
		return {
			stop: async () => {
				state.stopped += 1;
				return words;
			}
		};
	};
	return { transcribe, state };
}

export const urls = { create: (blob: Blob) => `blob:test/${blob.size}`, revoke: () => undefined };

export async function session(
	db: StudyDatabase,
	now: () => number,
	recorder: RecorderOptions,
	mode: 'practice' | 'mock' = 'practice'
): Promise<InterviewSession> {
	return new InterviewSession(db, mode, [ITEM], SETTINGS, now, {
		recorder: { urls, ...recorder }
	});
}
