import { describe, expect, it } from 'vitest';
import { MAX_RECORDING_BYTES } from '$lib/limits';
import { AnswerRecorder } from '$lib/state/answer-recorder.svelte';
import { followUpKey } from '$lib/state/interview-recordings.svelte';
import { TranscriptionError } from '$lib/state/transcription';
import { loadRecording, recordingsTotal, saveRecording } from '$lib/storage/recordings';
import { freshDB } from '../storage/db';
import { settled } from './site';
import { clock, ITEM, microphone, NOW, recogniser, session, urls } from './speech-fakes';

describe('a spoken answer transcribed on the device', () => {
	it('pre-ticks the points the transcript covers with the typed ones, never an evidence point, and shows delivery figures', async () => {
		const db = await freshDB();
		const { time, now } = clock();
		const heard = recogniser(
			'Um, the infrastructure was unstable, you know, and I saw one of these moments and what it cost. Um'
		);
		const interview = await session(db, now, {
			capture: microphone().capture,
			transcribe: heard.transcribe
		});
		const recorder = interview.recordings.current!;
		expect(recorder.item).toBe(ITEM.id);
		interview.notes = 'We led a digital transformation.';
		await recorder.start(NOW + 120_000);
		expect(heard.state.started).toBe(1);
		time.now = NOW + 30_000;
		// The reveal stops the recording; its transcript's points are ticked once it is kept.
		interview.reveal();
		expect(interview.covered).toEqual([0]);
		await interview.heardTicked;
		expect(interview.covered).toEqual([0, 1]);
		expect(interview.found).toEqual([0]);
		expect(interview.heard).toEqual([1]);
		expect(recorder.transcript).toMatch(/^Um, the infrastructure was unstable/);
		expect(interview.delivery).toEqual({
			words: 19,
			wordsPerMinute: 38,
			fillers: 3,
			fillerWords: [
				{ word: 'um', count: 2 },
				{ word: 'you know', count: 1 }
			],
			seconds: 30,
			limit: 120
		});
		// Kept with the recording, for the next time the question is shown.
		expect(await loadRecording(db, ITEM.id)).toMatchObject({
			transcript: recorder.transcript,
			spokenMs: 30_000,
			recordedAt: NOW + 30_000
		});
		// The candidate changes the ticks before saving: the score is theirs.
		interview.covered = [1];
		await interview.saveScore();
		expect(interview.results[0]?.covered).toEqual([1]);
	});

	it('does not pre-tick from a recording kept from before the question was shown', async () => {
		const db = await freshDB();
		await saveRecording(db, {
			item: ITEM.id,
			audio: new Blob([new Uint8Array(10)]),
			mimeType: 'audio/webm',
			size: 10,
			recordedAt: NOW - 86_400_000,
			transcript: 'Rapid scale-up, like every week.',
			spokenMs: 60_000
		});
		const interview = await session(db, () => NOW, {});
		await interview.recordings.current!.load();
		interview.reveal();
		expect(interview.covered).toEqual([]);
		// Its transcript and delivery are still shown with it (its date says when it was made).
		expect(interview.recordings.current!.transcript).toBe('Rapid scale-up, like every week.');
		expect(interview.delivery?.wordsPerMinute).toBe(5);
	});

	it('where the device cannot transcribe, says so once and still keeps the recording', async () => {
		const db = await freshDB();
		const interview = await session(db, () => NOW, {
			capture: microphone().capture,
			transcribe: recogniser(new TranscriptionError('unavailable')).transcribe
		});
		const recorder = interview.recordings.current!;
		expect(recorder.speech.text).toBeNull();
		await recorder.start(NOW + 120_000);
		expect(recorder.speech.text).toBe(
			'Transcription on this device is not available in this browser, so your spoken answer is not written out. Recording and typing still work.'
		);
		interview.reveal();
		await interview.heardTicked;
		expect(recorder.problem).toBeNull();
		expect(recorder.url).not.toBeNull();
		expect(recorder.transcript).toBeNull();
		expect(interview.delivery).toBeNull();
		expect(await loadRecording(db, ITEM.id)).not.toHaveProperty('transcript');
		expect(await recordingsTotal(db)).toEqual({ count: 1, bytes: 1200 });
	});

	it('a reveal while the browser still asks for the microphone records nothing, starts no recogniser and keeps the last recording', async () => {
		const db = await freshDB();
		const first = new AnswerRecorder(ITEM.id, {
			open: async () => db,
			now: () => NOW,
			urls,
			capture: microphone(300).capture,
			transcribe: recogniser('Rapid scale-up.').transcribe
		});
		await first.start(NOW + 60_000);
		await first.stop();

		const mic = microphone(5000, true);
		const heard = recogniser('Digital transformation.');
		const interview = await session(db, () => NOW, {
			capture: mic.capture,
			transcribe: heard.transcribe
		});
		const recorder = interview.recordings.current!;
		const starting = recorder.start(NOW + 60_000);
		expect(recorder.phase).toBe('starting');
		interview.reveal();
		await interview.heardTicked;
		mic.state.allow();
		await starting;
		expect(recorder.phase).toBe('idle');
		// The microphone was let go at once, nothing was transcribed, and the last recording stays.
		expect(mic.state.stopped).toBe(1);
		expect(heard.state.started).toBe(0);
		expect(await loadRecording(db, ITEM.id)).toMatchObject({
			size: 300,
			transcript: 'Rapid scale-up.'
		});
		expect(interview.covered).toEqual([]);
	});

	it('keeps no recording (nor its transcript) larger than a backup may carry, and says so', async () => {
		const db = await freshDB();
		const interview = await session(db, () => NOW, {
			capture: microphone(MAX_RECORDING_BYTES + 1).capture,
			transcribe: recogniser('Rapid scale-up.').transcribe
		});
		const recorder = interview.recordings.current!;
		await recorder.start(NOW + 60_000);
		interview.reveal();
		await interview.heardTicked;
		expect(recorder.problem).toMatch(/^This recording is larger than 5 MB/);
		expect(await recordingsTotal(db)).toEqual({ count: 0, bytes: 0 });
		expect(interview.covered).toEqual([]);
	});

	it('a damaged stored recording gives a plain message, and recording again replaces it', async () => {
		const db = await freshDB();
		await db.put('recordings', { item: ITEM.id, audio: 'not audio', size: 'big' } as never);
		const interview = await session(db, () => NOW, { capture: microphone().capture });
		const recorder = interview.recordings.current!;
		await recorder.load();
		expect(recorder.problem).toBe(
			'The recording kept for this question is damaged, so it cannot be played. Record your answer again to replace it.'
		);
		expect(recorder.url).toBeNull();
		await recorder.start(NOW + 60_000);
		await recorder.stop();
		expect(recorder.problem).toBeNull();
		expect(await loadRecording(db, ITEM.id)).toMatchObject({ size: 1200 });
	});
});

describe('the recorders a session owns', () => {
	it('records the follow-up of a mock interview apart from its question, and lists both to replay', async () => {
		const db = await freshDB();
		const interview = await session(db, () => NOW, { capture: microphone(700).capture }, 'mock');
		const question = interview.recordings.current!;
		await question.start(NOW + 60_000);
		interview.reveal();
		await interview.heardTicked;
		await interview.saveScore();
		interview.next();
		expect(interview.phase).toBe('follow-up');
		const followUp = interview.recordings.current!;
		expect(followUp.item).toBe(followUpKey(ITEM.id));
		await followUp.start(NOW + 60_000);
		// Going on stops the follow-up's recording and keeps it.
		interview.answerFollowUp();
		expect(interview.phase).toBe('done');
		expect(interview.recordings.current).toBeNull();
		const replays = interview.recordings.replays;
		expect(Object.keys(replays)).toEqual([ITEM.id, followUpKey(ITEM.id)]);
		// Read for the summary once the follow-up's recording is kept.
		await settled(() => expect(replays[followUpKey(ITEM.id)]!.url).toBe('blob:test/700'));
		await settled(() => expect(replays[ITEM.id]!.url).toBe('blob:test/700'));
		expect(await recordingsTotal(db)).toEqual({ count: 2, bytes: 1400 });
		interview.dispose();
		expect(interview.recordings.replays).toEqual({});
	});
});
