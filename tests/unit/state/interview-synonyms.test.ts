import { describe, expect, it } from 'vitest';
import type { InterviewItem } from '$lib/content/types';
import { InterviewSession } from '$lib/state/interview.svelte';
import { freshDB } from '../storage/db';
import { deckFrom, ofKind, QUESTION } from '../content/notes';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const SETTINGS = { interviewSeconds: 120, desiredRetention: 0.9 };

/** The notes' question, its scale-up point declaring other words it may be covered with. */
function question(block: string): InterviewItem {
	const [item] = ofKind(deckFrom(block), 'interview');
	if (!item) throw new Error('no interview question');
	return item;
}

describe('a typed answer in other words', () => {
	it('pre-ticks a key point by a synonym the notes declare, and not without it', async () => {
		const answer = 'We were in hypergrowth, hiring every week.';
		const plain = question(QUESTION);
		const declared = question(
			QUESTION.replace('> - rapid scale-up', '> - rapid scale-up (also: "hypergrowth")')
		);
		for (const [item, expected] of [
			[plain, []],
			[declared, [2]]
		] as const) {
			const session = new InterviewSession(
				await freshDB(),
				'practice',
				[item],
				SETTINGS,
				() => NOW
			);
			session.notes = answer;
			session.reveal();
			expect(session.covered).toEqual(expected);
		}
	});
});
