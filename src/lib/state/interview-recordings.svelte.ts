import type { InterviewItem } from '$lib/content/types';
import { deliveryOf, type Delivery } from '$lib/quiz/delivery';
import { pointsOf } from '$lib/quiz/interview';
import { coveredPoints } from '$lib/quiz/key-point-detection';
import { followUpKey } from '$lib/storage/recordings';
import { AnswerRecorder, SpeechNote, type RecorderOptions } from './answer-recorder.svelte';

export { followUpKey };

/**
 * How a take was delivered against a timer of `limitSeconds`, from its transcript; null when it has
 * none (or an empty one: nothing was written out) or its length is not known.
 */
function deliveryOfTake(recorder: AnswerRecorder, limitSeconds: number): Delivery | null {
	const { transcript, spokenMs } = recorder;
	if (!transcript || spokenMs === null) return null;
	return deliveryOf(transcript, spokenMs / 1000, limitSeconds);
}

/**
 * The recordings of an interview session: the recorder of what is on screen (a question, or in a
 * mock interview its follow-up), made when it is shown and let go when it goes, and the recordings
 * the summary replays.
 */
export class InterviewRecordings {
	/** The recorder of the question or follow-up on screen; null on the summary. */
	current = $state.raw<AnswerRecorder | null>(null);
	/** The recordings the summary replays, by key (a question's item id or its follow-up's). */
	replays = $state.raw<Readonly<Record<string, AnswerRecorder>>>({});
	/** Whether spoken answers can be written out here, said once for the whole session. */
	readonly speech = new SpeechNote();

	#options: RecorderOptions;
	/** The recordings of what was on screen before, while they are being kept. */
	#stopping: Promise<unknown> = Promise.resolve();

	constructor(options: RecorderOptions = {}) {
		this.#options = options;
	}

	#recorder(key: string): AnswerRecorder {
		const recorder = new AnswerRecorder(key, { ...this.#options, speech: this.speech });
		// Read once the one before is kept: the summary replays the follow-up just recorded.
		void this.#stopping.then(() => recorder.load());
		return recorder;
	}

	/**
	 * Shows the recorder of `key` (null: none), letting go of the one before: a recording under way
	 * is stopped and kept.
	 */
	show(key: string | null): void {
		if (this.current?.item === key) return;
		// Chained: the one let go before may still be being kept (a follow-up's recording waits for
		// its transcript) when the next is let go and the summary reads them all.
		if (this.current) this.#stopping = Promise.all([this.#stopping, this.current.dispose()]);
		this.current = key === null ? null : this.#recorder(key);
	}

	/**
	 * Shows the recorder of what a session has on screen: the question's, its follow-up's, or on
	 * the summary the recordings of every answer (and follow-up) to replay.
	 */
	follow(session: {
		phase: string;
		index: number;
		questions: readonly InterviewItem[];
		results: readonly { item: InterviewItem; followUp: unknown }[];
	}): void {
		const { phase, results } = session;
		const item = session.questions[session.index];
		if (phase === 'done') {
			this.replay(
				results.flatMap((result) =>
					result.followUp ? [result.item.id, followUpKey(result.item.id)] : [result.item.id]
				)
			);
		} else if (item) {
			this.show(phase === 'follow-up' ? followUpKey(item.id) : item.id);
		}
	}

	/** Reads the recordings of `keys` for the summary to replay. */
	replay(keys: readonly string[]): void {
		this.show(null);
		for (const recorder of Object.values(this.replays)) void recorder.dispose();
		this.replays = Object.fromEntries(keys.map((key) => [key, this.#recorder(key)]));
	}

	/**
	 * The address the summary replays the recording of `key` from: only one made since `since`
	 * (epoch ms: this session's, not one kept from an earlier day); null otherwise.
	 */
	replayUrl(key: string, since: number): string | null {
		const recorder = this.replays[key];
		if (!recorder?.url || (recorder.recordedAt ?? 0) < since) return null;
		return recorder.url;
	}

	/**
	 * What the replayed recording of `key` says, as written out on this device, and how it was
	 * delivered against a timer of `limitSeconds`: for the summary. Null when it has no transcript
	 * or was not made since `since` (this session's).
	 */
	spoken(
		key: string,
		since: number,
		limitSeconds: number
	): { transcript: string; delivery: Delivery | null } | null {
		const recorder = this.replays[key];
		if (!recorder?.transcript || (recorder.recordedAt ?? 0) < since) return null;
		return { transcript: recorder.transcript, delivery: deliveryOfTake(recorder, limitSeconds) };
	}

	/**
	 * The content points of `item` the spoken answer covers, from the transcript of a recording
	 * made since `since` (epoch ms: this answer's, not one kept from an earlier day); none while a
	 * take is under way (it replaces the recording whose transcript is still there).
	 */
	heard(item: InterviewItem, since: number): number[] {
		const recorder = this.current;
		if (!recorder?.transcript || recorder.phase !== 'idle') return [];
		if ((recorder.recordedAt ?? 0) < since) return [];
		return coveredPoints(recorder.transcript, pointsOf(item), item.synonyms);
	}

	/**
	 * Words per minute, fillers and length against the timer of the recording on screen; null when
	 * it has no transcript (none made on this device) or its length is not known.
	 */
	delivery(limitSeconds: number): Delivery | null {
		return this.current ? deliveryOfTake(this.current, limitSeconds) : null;
	}

	/** Everything goes (the session is closed or its page left): a recording under way is kept. */
	dispose(): void {
		this.show(null);
		for (const recorder of Object.values(this.replays)) void recorder.dispose();
		this.replays = {};
	}
}
