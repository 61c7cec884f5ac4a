import { describe, expect, it } from 'vitest';
import { followUpKey } from '$lib/state/interview-recordings.svelte';
import { freshDB } from '../storage/db';
import { until } from './site';
import { clock, ITEM, microphone, NOW, session } from './speech-fakes';

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
});
