import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { SpeechNote, type AnswerRecorder } from '$lib/state/answer-recorder.svelte';
import { followUpKey } from '$lib/state/interview-recordings.svelte';
import AnswerRecording from '../../../src/routes/interview/AnswerRecording.svelte';
import MockSummary from '../../../src/routes/interview/MockSummary.svelte';
import { freshDB } from '../storage/db';
import { until } from '../state/site';
import { ITEM, NOW, session } from '../state/speech-fakes';

const NOT_TRANSCRIBED =
	'Transcription on this device is not available in this browser, so your spoken answer is not written out. Recording and typing still work.';

/** A recorder as the page shows it, in one moment of its life. */
function recorder(state: Partial<AnswerRecorder>): AnswerRecorder {
	return {
		phase: 'idle',
		url: null,
		recordedAt: null,
		transcript: null,
		spokenMs: null,
		problem: null,
		speech: new SpeechNote(),
		...state
	} as AnswerRecorder;
}

/** What a session's recorders say about transcription. */
function speech(text: string | null, downloadable = false): SpeechNote {
	return Object.assign(new SpeechNote(), { text, downloadable });
}

/** The page's HTML, without Svelte's hydration comments. */
function html(rendered: { body: string }): string {
	return rendered.body.replace(/<!--.*?-->/g, '');
}

/** The text of each status region (none nests another element of its kind). */
function statuses(out: string): string[] {
	return [...out.matchAll(/<(\w+)[^>]*role="status"[^>]*>([\s\S]*?)<\/\1>/g)].map((match) =>
		match[2]!
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

describe('the recording of an answer, for a screen reader', () => {
	it('says in one status region that the device cannot transcribe, while recording', () => {
		const out = html(
			render(AnswerRecording, {
				props: {
					recorder: recorder({ phase: 'recording', speech: speech(NOT_TRANSCRIBED) }),
					answering: true,
					until: NOW + 60_000,
					timeUp: false
				}
			})
		);
		expect(statuses(out)).toEqual([`Recording. It stops when the time is up. ${NOT_TRANSCRIBED}`]);
	});

	it('offers the speech model the browser can download, and fetches nothing unasked', () => {
		const props = { answering: true, until: NOW + 60_000, timeUp: false };
		const offered = html(
			render(AnswerRecording, {
				props: { ...props, recorder: recorder({ speech: speech('Not downloaded.', true) }) }
			})
		);
		expect(offered).toContain('>Download the speech model</button>');
		const plain = html(
			render(AnswerRecording, {
				props: { ...props, recorder: recorder({ speech: speech(NOT_TRANSCRIBED) }) }
			})
		);
		expect(plain).not.toContain('Download the speech model');
	});

	it('keeps its status region after the reveal, saying when the recording is kept and what was heard', () => {
		const props = { answering: false, until: NOW + 60_000, timeUp: false };
		const saving = html(
			render(AnswerRecording, { props: { ...props, recorder: recorder({ phase: 'saving' }) } })
		);
		expect(statuses(saving)).toEqual(['Keeping your recording…']);
		const kept = html(
			render(AnswerRecording, {
				props: {
					...props,
					heard: 2,
					recorder: recorder({ url: 'blob:x', recordedAt: NOW, transcript: 'Rapid scale-up.' })
				}
			})
		);
		expect(statuses(kept)).toEqual([
			'Your recording is kept. 2 key points heard in it are marked “heard in your recording” below.'
		]);
	});
});

describe('the summary of an interview, for a screen reader', () => {
	it('says in one alert which recordings could not be played', async () => {
		const db = await freshDB();
		const damaged = { audio: 'not audio', size: 'big' };
		await db.put('recordings', { item: ITEM.id, ...damaged } as never);
		await db.put('recordings', { item: followUpKey(ITEM.id), ...damaged } as never);
		const interview = await session(db, () => NOW, {}, 'mock');
		interview.followUps = ['How would you roll it back?'];
		interview.reveal();
		await interview.saveScore();
		interview.next();
		interview.answerFollowUp();
		const replays = interview.recordings.replays;
		await until(
			() => Object.values(replays).every((replay) => replay.problem !== null),
			'the recordings read'
		);
		const out = html(
			render(MockSummary, { props: { session: interview, onclose: () => undefined } })
		);
		expect(out.match(/role="alert"/g)).toHaveLength(1);
		expect(out).toContain(
			'How would you roll it back?: The recording kept for this question is damaged'
		);
	});
});
