import { describe, expect, it } from 'vitest';
import type { StudyCard } from '$lib/srs/queue';
import { StudyOrder } from '$lib/state/study-order';

const card = (id: string): StudyCard => ({
	id,
	deck: 'd',
	fact: `d/${id}`,
	sentence: `d.md:${id}`
});

describe('a kept cram resumed', () => {
	it('goes on from the same card when cards it already showed left the decks', () => {
		const kept = { cram: ['a', 'b', 'c', 'd', 'e'], cramIndex: 3 };
		// "b" was shown before leaving and is gone after a content update: "d" is still next.
		const order = StudyOrder.cram(['a', 'c', 'd', 'e'].map(card), new Map(), Math.random, kept);
		expect(order.next(0)).toEqual({ kind: 'card', id: 'd' });
	});

	it('skips a card still to come that left the decks, and ends when none is left', () => {
		const kept = { cram: ['a', 'b', 'c'], cramIndex: 1 };
		expect(StudyOrder.cram(['a', 'c'].map(card), new Map(), Math.random, kept).next(0)).toEqual({
			kind: 'card',
			id: 'c'
		});
		expect(StudyOrder.cram([card('a')], new Map(), Math.random, kept).next(0)).toEqual({
			kind: 'done'
		});
	});
});
