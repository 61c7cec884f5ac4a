import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { InterviewSession } from '$lib/state/interview.svelte';
import { followUpKey } from '$lib/state/interview-recordings.svelte';
import { restored } from '$lib/state/interview-snapshot';
import { InterviewSnapshotSchema } from '$lib/state/kept-schemas';
import type { Capture } from '$lib/state/microphone';
import type { Transcription } from '$lib/state/transcription';
import { saveRecording } from '$lib/storage/recordings';
import { freshDB } from '../storage/db';
import { until } from './site';
import { clock, ITEM, microphone, NOW, recogniser, session, SETTINGS, urls } from './speech-fakes';

const FOLLOW_UP = 'How would you roll it back?';

describe('ending an interview', () => {
	it('during a follow-up keeps what was typed to it and its recording, for the summary', async () => {
		const db = await freshDB();
		const { time, now } = clock();
		const interview = await session(db, now, { capture: microphone(700).capture }, 'mock');
		interview.followUps = [FOLLOW_UP];
		interview.reveal();
		await interview.saveScore();
		interview.next();
		expect(interview.phase).toBe('follow-up');
		interview.followUpNotes = 'Roll back first, then look';
		await interview.recordings.current!.start(NOW + 60_000);
		time.now = NOW + 20_000;

		interview.finish();
		expect(interview.phase).toBe('done');
		expect(interview.results[0]?.followUp).toEqual({
			question: FOLLOW_UP,
			answer: 'Roll back first, then look',
			durationMs: 20_000
		});
		const replays = interview.recordings.replays;
		expect(Object.keys(replays)).toEqual([ITEM.id, followUpKey(ITEM.id)]);
		await until(
			() => replays[followUpKey(ITEM.id)]?.url === 'blob:test/700',
			"the follow-up's recording"
		);
	});

	it('right after a follow-up still replays its recording, kept only after the summary is shown', async () => {
		const db = await freshDB();
		const late: { asked: boolean; hand: (words: string) => void } = {
			asked: false,
			hand: () => undefined
		};
		// A recogniser that hands over its last words late (a browser may take seconds).
		const transcribe = async (): Promise<Transcription> => ({
			stop: () =>
				new Promise<string>((resolve) => {
					late.asked = true;
					late.hand = resolve;
				})
		});
		const second = { ...ITEM, id: `${ITEM.id}-2`, question: 'And then?' };
		const interview = new InterviewSession(db, 'mock', [ITEM, second], SETTINGS, () => NOW, {
			recorder: { urls, capture: microphone(700).capture, transcribe }
		});
		interview.followUps = [FOLLOW_UP, null];
		interview.reveal();
		await interview.saveScore();
		interview.next();
		await interview.recordings.current!.start(NOW + 60_000);
		// Next: the follow-up's recording is being kept while the second question is shown...
		interview.answerFollowUp();
		expect(interview.current?.id).toBe(second.id);
		// ...and the interview is ended before it is.
		interview.finish();
		await until(() => late.asked, 'the recogniser asked for its last words');
		late.hand('Roll back first.');
		const replays = interview.recordings.replays;
		await until(
			() => replays[followUpKey(ITEM.id)]?.url === 'blob:test/700',
			"the follow-up's recording in the summary"
		);
		expect(replays[followUpKey(ITEM.id)]?.transcript).toBe('Roll back first.');
		// The summary says what it says and how it was said, against the follow-up's own clock.
		const spoken = interview.recordings.spoken(followUpKey(ITEM.id), interview.startedAt, 60);
		expect(spoken?.transcript).toBe('Roll back first.');
		expect(spoken?.delivery).toMatchObject({ words: 3, fillers: 0, limit: 60 });
		// A recording from before the session is not this answer's.
		expect(interview.recordings.spoken(followUpKey(ITEM.id), NOW + 3_600_000, 60)).toBeNull();
		expect(interview.recordings.spoken(ITEM.id, interview.startedAt, 120)).toBeNull();
	});
});

describe('a session resumed after a reload', () => {
	it('pre-ticks what the recording made for this answer before the reload covers', async () => {
		const db = await freshDB();
		const { time, now } = clock();
		const first = await session(db, now, {
			capture: microphone().capture,
			transcribe: recogniser('We had to support a rapid scale-up.').transcribe
		});
		await first.recordings.current!.start(NOW + 120_000);
		time.now = NOW + 30_000;
		await first.recordings.current!.stop();
		time.now = NOW + 40_000;
		const kept = first.snapshot!;
		first.dispose();
		// An hour later; and the same from a snapshot kept by a version without askedAt.
		time.now = NOW + 3_600_000;
		const older: Partial<typeof kept> = { ...kept };
		delete older.askedAt;
		for (const snapshot of [kept, older]) {
			const restore = restored([ITEM], v.parse(InterviewSnapshotSchema, snapshot), now())!;
			const again = new InterviewSession(db, 'practice', [ITEM], SETTINGS, now, {
				restore,
				recorder: { urls }
			});
			// The clock stood still while away: 40 s of the answer's time are gone.
			expect(again.shownAt).toBe(NOW + 3_600_000 - 40_000);
			await until(() => again.recordings.current?.url != null, 'the kept recording');
			again.reveal();
			expect(again.covered).toEqual([2]);
			again.dispose();
		}
	});
});

/** A recogniser that hears each take's words in turn. */
function takes(...words: string[]) {
	return async (): Promise<Transcription> => {
		const heard = words.shift() ?? '';
		return { stop: async () => heard };
	};
}

/** A microphone whose takes have these sizes in turn (0: a take with no sound). */
function sizes(...bytes: number[]) {
	return async (): Promise<Capture> => {
		const size = bytes.shift() ?? 0;
		return { stop: async () => new Blob([new Uint8Array(size)], { type: 'audio/webm' }) };
	};
}

describe('"Record again"', () => {
	it('ticks what the new take covers once it is kept, not what the take it replaces said', async () => {
		const db = await freshDB();
		const interview = await session(db, () => NOW, {
			capture: sizes(1200, 900),
			transcribe: takes('We had to support a rapid scale-up.', 'The infrastructure was unstable.')
		});
		const recorder = interview.recordings.current!;
		await recorder.start(NOW + 120_000);
		await recorder.stop();
		expect(interview.heard).toEqual([2]);
		await recorder.start(NOW + 120_000);
		// The take being recorded replaces the one kept: that one's words are not this answer's.
		expect(interview.heard).toEqual([]);
		interview.reveal();
		expect(interview.covered).toEqual([]);
		await interview.heardTicked;
		expect(interview.covered).toEqual([1]);
		expect(interview.heard).toEqual([1]);
	});

	it('ticks nothing when the new take is not kept (no sound): the candidate ticks for themselves', async () => {
		const db = await freshDB();
		const interview = await session(db, () => NOW, {
			capture: sizes(1200, 0),
			transcribe: takes('We had to support a rapid scale-up.', 'The infrastructure was unstable.')
		});
		const recorder = interview.recordings.current!;
		await recorder.start(NOW + 120_000);
		await recorder.stop();
		await recorder.start(NOW + 120_000);
		interview.reveal();
		await interview.heardTicked;
		expect(recorder.problem).toMatch(/^Nothing was heard from the microphone/);
		expect(interview.covered).toEqual([]);
	});
});

describe('the summary of a practice session', () => {
	it('replays no recording kept from an earlier day, also after a reload, and replays one made in it', async () => {
		const db = await freshDB();
		await saveRecording(db, {
			item: ITEM.id,
			audio: new Blob([new Uint8Array(10)]),
			mimeType: 'audio/webm',
			size: 10,
			recordedAt: NOW - 86_400_000
		});
		const { time, now } = clock();
		const first = await session(db, now, {});
		first.reveal();
		await first.saveScore();
		const kept = v.parse(InterviewSnapshotSchema, first.snapshot);
		first.dispose();
		time.now = NOW + 3_600_000;
		const again = new InterviewSession(db, 'practice', [ITEM], SETTINGS, now, {
			restore: restored([ITEM], kept, now())!,
			recorder: { urls }
		});
		again.next();
		expect(again.phase).toBe('done');
		await until(() => again.recordings.replays[ITEM.id]?.url != null, 'the recording read');
		expect(again.replayUrl(ITEM.id)).toBeNull();

		const recorded = await session(db, now, { capture: microphone(700).capture });
		await recorded.recordings.current!.start(now() + 60_000);
		recorded.reveal();
		await recorded.heardTicked;
		await recorded.saveScore();
		recorded.next();
		await until(() => recorded.replayUrl(ITEM.id) === 'blob:test/700', 'its recording replayed');
	});
});
