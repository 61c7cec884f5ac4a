import type { CardItem } from '$lib/content/types';
import { studyDayEnd, studyDayStart } from '$lib/srs/day';
import {
	afterAnswer,
	buildQueue,
	cardsLeft,
	nextCard,
	queueCounts,
	siblingKeysById,
	studiedToday,
	type NextCard,
	type StudyCard,
	type StudyQueue
} from '$lib/srs/queue';
import type { QueueCounts } from '$lib/srs/counts';
import { shuffled } from '$lib/random';
import { Rating, type CardState, type Grade } from '$lib/srs/types';
import { reviewsSince } from '$lib/storage/reviews';
import type { StudyData } from './study-data';

/** Where an order stood before an answer, to undo it. */
export interface OrderMark {
	queue: StudyQueue;
	cramIndex: number;
	cramLength: number;
}

/** An answer of a session, to take it back. */
export interface UndoStep {
	reviewId: number;
	card: CardItem;
	order: OrderMark;
	grade: Grade;
	/** Whether it was the card's first answer in the session. */
	firstOfCard: boolean;
}

const EMPTY: StudyQueue = { requested: [], reviews: [], learning: [], fresh: [] };

/**
 * Which card a session shows next: today's queue (review mode), or a cram order in which a card
 * answered "Again" comes back at the end, as often as it takes.
 */
export class StudyOrder {
	#queue: StudyQueue = EMPTY;
	#cram: StudyCard[] | null = null;
	#cramIndex = 0;
	readonly #dayEnd: number;

	private constructor(dayEnd: number) {
		this.#dayEnd = dayEnd;
	}

	/** Today's queue of a scope, within the day's limits (and the day's extra new cards). */
	static async review(data: StudyData, cards: readonly StudyCard[]): Promise<StudyOrder> {
		const now = data.now();
		const dayEnd = studyDayEnd(now, data.settings.dayStartHour);
		const today = studiedToday(
			await reviewsSince(data.db, studyDayStart(now, data.settings.dayStartHour)),
			siblingKeysById(cards)
		);
		const limits = { ...data.settings, extraNew: data.extraNew };
		const order = new StudyOrder(dayEnd);
		order.#queue = buildQueue(cards, data.states, today, limits, dayEnd);
		return order;
	}

	/** A cram of `cards` in a random order, or in a kept order from its position. */
	static cram(
		cards: readonly StudyCard[],
		states: ReadonlyMap<string, CardState>,
		random: () => number,
		kept?: { cram: readonly string[]; cramIndex: number }
	): StudyOrder {
		const order = new StudyOrder(0);
		if (kept) {
			const byId = new Map(cards.map((card) => [card.id, card]));
			order.#cram = kept.cram.flatMap((id) => byId.get(id) ?? []);
			// Cards that left the decks since (a content update) no longer count towards the position.
			order.#cramIndex = kept.cram.slice(0, kept.cramIndex).filter((id) => byId.has(id)).length;
		} else {
			order.#cram = shuffled(
				cards.filter((card) => !states.get(card.id)?.retired),
				random
			);
		}
		return order;
	}

	/** The next card, a wait for a learning card, or nothing left. */
	next(now: number): NextCard {
		if (!this.#cram) return nextCard(this.#queue, now);
		const card = this.#cram[this.#cramIndex];
		return card ? { kind: 'card', id: card.id } : { kind: 'done' };
	}

	/** Whether a card is still to be shown (in cram, the one at the current position). */
	has(id: string): boolean {
		if (this.#cram) return this.#cram[this.#cramIndex]?.id === id;
		return Object.values(this.#queue).some((cards: { id: string }[]) =>
			cards.some((card) => card.id === id)
		);
	}

	/** Moves on after an answer: `state` is the card's new state (null in cram). */
	answered(state: CardState | null, grade: Grade): void {
		if (state) {
			this.#queue = afterAnswer(this.#queue, state, this.#dayEnd);
			return;
		}
		const card = this.#cram?.[this.#cramIndex];
		if (!this.#cram || !card) return;
		if (grade === Rating.Again) this.#cram = [...this.#cram, card];
		this.#cramIndex += 1;
	}

	/** Cards left to show. */
	get left(): number {
		return this.#cram ? this.#cram.length - this.#cramIndex : cardsLeft(this.#queue);
	}

	/** What is left by kind (review mode), so that a new card turned learning shows as moved. */
	get leftByKind(): QueueCounts | null {
		return this.#cram ? null : queueCounts(this.#queue);
	}

	/** The cram order and position, for a kept session (empty in review mode). */
	get kept(): { cram: string[]; cramIndex: number } {
		return { cram: (this.#cram ?? []).map((card) => card.id), cramIndex: this.#cramIndex };
	}

	mark(): OrderMark {
		return {
			queue: this.#queue,
			cramIndex: this.#cramIndex,
			cramLength: this.#cram?.length ?? 0
		};
	}

	/** Back to where a mark was taken (an undo). */
	restore(mark: OrderMark): void {
		this.#queue = mark.queue;
		this.#cramIndex = mark.cramIndex;
		if (this.#cram) this.#cram = this.#cram.slice(0, mark.cramLength);
	}
}
