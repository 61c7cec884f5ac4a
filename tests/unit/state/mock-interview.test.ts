import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { app } from '$lib/state/app.svelte';
import { keptSession } from '$lib/state/kept-sessions';
import { InterviewSnapshotSchema } from '$lib/state/kept-schemas';
import { InterviewPage } from '$lib/state/interview-page.svelte';
import { freshDevice, mounted, settled, until } from './site';

let leaves: (() => void)[] = [];

beforeEach(async () => {
	await freshDevice();
});

afterEach(() => {
	for (const leave of leaves) leave();
	leaves = [];
});

async function show(): Promise<InterviewPage> {
	const shown = await mounted(new InterviewPage());
	leaves.push(shown.leave);
	return shown.page;
}

describe('a mock interview with follow-ups', () => {
	it('asks some questions a follow-up, kept across a reload, and shows its answer in the results', async () => {
		const page = await show();
		await page.start('mock');
		let session = page.session!;
		const asked = session.followUps.filter((followUp) => followUp !== null);
		expect(asked.length).toBeGreaterThanOrEqual(1);
		expect(asked.length).toBeLessThanOrEqual(2);
		const first = session.followUps.findIndex((followUp) => followUp !== null);

		for (let index = 0; index < first; index++) {
			session.reveal();
			await session.saveScore();
			session.next();
		}
		session.reveal();
		session.covered = [0];
		await session.saveScore();
		session.next();
		expect(session.phase).toBe('follow-up');
		expect(session.current?.followUps).toContain(session.followUp);
		session.followUpNotes = 'We would roll back first, then <b>look</b>';
		session.changed();

		// Left in the middle of the follow-up and shown again: it comes back as it was.
		const db = await app.ready();
		await settled(async () => {
			const kept = await keptSession(db, 'interview', InterviewSnapshotSchema);
			expect(kept?.followUpNotes).toBe('We would roll back first, then <b>look</b>');
		});
		const followUp = session.followUp;
		leaves.pop()?.();
		const again = await show();
		await until(() => again.session !== null, 'the kept interview');
		session = again.session!;
		expect(session.phase).toBe('follow-up');
		expect(session.followUp).toBe(followUp);
		expect(session.followUpNotes).toBe('We would roll back first, then <b>look</b>');

		session.answerFollowUp();
		const result = session.results[first]!;
		expect(result.covered).toEqual([0]);
		expect(result.followUp).toMatchObject({ question: followUp });
		// Kept as plain text, as the typed answer is.
		expect(result.followUp?.answer).not.toContain('<b>');
		expect(session.phase).toBe(first === session.questions.length - 1 ? 'done' : 'answering');
	});

	it('reads an interview kept before follow-ups existed', () => {
		const older = {
			mode: 'mock',
			questions: ['d/t/f/interview'],
			index: 0,
			phase: 'scored',
			shownAt: 1,
			keptAt: 2,
			covered: [],
			notes: '',
			results: [{ item: 'd/t/f/interview', score: 0.5, durationMs: 1000, notes: '' }],
			mockId: 1,
			saved: null
		};
		const parsed = v.parse(InterviewSnapshotSchema, older);
		expect(parsed.followUps).toEqual([]);
		// Its ticks are not known: the summary names none of its points as missed.
		expect(parsed.results[0]).toMatchObject({ covered: null, followUp: null });
	});
});
