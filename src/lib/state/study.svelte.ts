import type { CardItem } from '$lib/content/types';
import { answerDuration } from '$lib/limits';
import type { QueueCounts } from '$lib/srs/counts';
import { studyDayKey } from '$lib/srs/day';
import { newCardState } from '$lib/srs/scheduler';
import { cardsInScope, type StudyScope } from '$lib/srs/scope';
import { deckOf } from '$lib/content/ids';
import { Rating, type Grade, type StudyMode } from '$lib/srs/types';
import { recordAnswer, undoAnswer } from '$lib/state/answers';
import { errorMessage } from '$lib/errors';
import { app } from './app.svelte';
import type { StudySnapshot } from './kept-schemas';
import type { StudyData } from './study-data';
import { StudyOrder, type UndoStep } from './study-order';
import { gradeIntervals, nextDueOf, summarize, type SessionSummary } from './study-summary';

export type { SessionSummary };

/** How a session starts: a cram order, or where a kept session was left. */
export interface StudyStart {
	/** Orders a cram (Math.random by default). */
	random?: () => number;
	/** A kept session to resume (see kept-sessions.ts). */
	kept?: StudySnapshot;
}

/**
 * One study session: the queue of today's cards (or, in cram mode, every card of the scope in a
 * random order, a card answered "Again" coming back later), the card shown, and answering and
 * undoing with every answer stored at once. Its snapshot is kept after every step, so leaving the
 * page or reloading resumes it.
 */
export class StudySession {
	readonly mode: StudyMode;
	readonly scope: StudyScope;
	phase = $state<'question' | 'answer' | 'wait' | 'done'>('question');
	current = $state.raw<CardItem | null>(null);
	/** When the next learning card is ready, while waiting for it. */
	waitUntil = $state<number | null>(null);
	answered = $state(0);
	again = $state(0);
	left = $state(0);
	/** What is left by kind in review mode (new, learning, due); null in cram. */
	leftByKind = $state.raw<QueueCounts | null>(null);
	error = $state<string | null>(null);
	canUndo = $state(false);
	busy = $state(false);
	summary = $state.raw<SessionSummary | null>(null);
	/** Called once, when the session ends. */
	onDone: (() => void) | undefined;
	/** Called after every step (a card shown, turned or answered, the end). */
	onStep: (() => void) | undefined;

	#data: StudyData;
	#items: Map<string, CardItem>;
	#order: StudyOrder;
	#day: string;
	#startedAt: number;
	#shownAt = 0;
	/** The cards answered in this session, each once. */
	#cards: readonly string[] = [];
	#undo: UndoStep[] = [];
	#timer: ReturnType<typeof setTimeout> | undefined;

	private constructor(
		data: StudyData,
		scope: StudyScope,
		mode: StudyMode,
		items: Map<string, CardItem>,
		order: StudyOrder
	) {
		this.#data = data;
		this.scope = scope;
		this.mode = mode;
		this.#items = items;
		this.#order = order;
		this.#startedAt = data.now();
		this.#day = studyDayKey(this.#startedAt, data.settings.dayStartHour);
	}

	/** Starts a session over a scope, or resumes a kept one (see `StudyStart`). */
	static async start(
		data: StudyData,
		scope: StudyScope,
		mode: StudyMode,
		{ random = Math.random, kept }: StudyStart = {}
	): Promise<StudySession> {
		const { cards, items } = cardsInScope(data.decks, scope);
		const order =
			mode === 'cram'
				? StudyOrder.cram(cards, data.states, random, kept)
				: await StudyOrder.review(data, cards);
		const session = new StudySession(data, scope, mode, items, order);
		if (kept) session.#restore(kept);
		else session.#advance();
		return session;
	}

	/** What is kept after every step, to resume this session where it was; null once it ended unanswered. */
	get snapshot(): StudySnapshot | null {
		if (this.phase === 'done' && this.answered === 0) return null;
		return {
			scope: { ...this.scope },
			mode: this.mode,
			day: this.#day,
			startedAt: this.#startedAt,
			answered: this.answered,
			again: this.again,
			cards: [...this.#cards],
			current: this.current?.id ?? null,
			revealed: this.phase === 'answer',
			...this.#order.kept,
			summary: this.summary
		};
	}

	/** The scheduler settings answers are given with. Fuzz is always on in the app. */
	get #params() {
		return { retention: this.#data.settings.desiredRetention, fuzz: true };
	}

	/** The learner's note on the card shown (its back shows it); empty for none. */
	get note(): string {
		return (this.current && this.#data.notes.get(this.current.id)) || '';
	}

	/** When answering the current card with each grade would bring it back. */
	get intervals(): Record<Grade, number> | null {
		const card = this.current;
		if (!card || this.mode === 'cram') return null;
		const now = this.#data.now();
		const state = this.#data.states.get(card.id) ?? newCardState(card.id, deckOf(card.id), now);
		return gradeIntervals(state, now, this.#params);
	}

	/** Shows the answer side of the current card. */
	reveal(): void {
		if (this.phase !== 'question' || !this.current) return;
		this.phase = 'answer';
		this.onStep?.();
	}

	/** Answers the current card; it is stored (card state and review in one transaction) before moving on. */
	async answer(grade: Grade): Promise<void> {
		const card = this.current;
		if (!card || this.phase !== 'answer' || this.busy) return;
		this.busy = true;
		this.error = null;
		const now = this.#data.now();
		try {
			const { state, review } = await recordAnswer(this.#data.db, {
				card: { id: card.id, deck: deckOf(card.id) },
				grade,
				mode: this.mode,
				now,
				durationMs: answerDuration(this.#shownAt, now),
				params: this.#params
			});
			const firstOfCard = !this.#cards.includes(card.id);
			this.#undo.push({
				reviewId: review.id as number,
				card,
				order: this.#order.mark(),
				grade,
				firstOfCard
			});
			if (state) this.#data.states.set(state.id, state);
			this.#order.answered(state, grade);
			if (firstOfCard) this.#cards = [...this.#cards, card.id];
			this.answered += 1;
			if (grade === Rating.Again) this.again += 1;
			this.canUndo = true;
			app.changed();
			this.#advance();
		} catch (error) {
			// Nothing was stored: the card stays on screen to be answered again.
			this.error = errorMessage(error);
		} finally {
			this.busy = false;
		}
	}

	/** Takes back the last answer of this session (ts-fsrs rollback) and shows that card again. */
	async undo(): Promise<void> {
		const step = this.#undo.at(-1);
		if (!step || this.busy) return;
		this.busy = true;
		this.error = null;
		try {
			const restored = await undoAnswer(this.#data.db, step.reviewId);
			this.#undo.pop();
			if (this.mode === 'review') {
				if (restored) this.#data.states.set(restored.id, restored);
				else this.#data.states.delete(step.card.id);
			}
			this.#order.restore(step.order);
			if (step.firstOfCard) {
				this.#cards = this.#cards.filter((id) => id !== step.card.id);
			}
			this.answered -= 1;
			if (step.grade === Rating.Again) this.again -= 1;
			this.canUndo = this.#undo.length > 0;
			this.summary = null;
			app.changed();
			this.#show(step.card);
		} catch (error) {
			this.error = errorMessage(error);
		} finally {
			this.busy = false;
		}
	}

	/** Ends the session early; what was answered is already stored. */
	finish(): void {
		this.#finish();
	}

	/** Stops the timer that waits for learning cards (call when the page goes away). */
	dispose(): void {
		clearTimeout(this.#timer);
	}

	/** Puts a kept session back: its counts, its card and side, or its summary. */
	#restore(kept: StudySnapshot): void {
		this.#startedAt = kept.startedAt;
		this.answered = kept.answered;
		this.again = kept.again;
		this.#cards = kept.cards;
		if (kept.summary) {
			this.phase = 'done';
			this.summary = kept.summary;
			this.left = kept.summary.left;
			return;
		}
		const item = kept.current === null ? undefined : this.#items.get(kept.current);
		// The card that was on screen, if it is still to be answered; else whatever comes next.
		if (item && this.#order.has(item.id)) {
			this.#show(item);
			if (kept.revealed) this.phase = 'answer';
		} else this.#advance();
	}

	#show(card: CardItem): void {
		clearTimeout(this.#timer);
		this.current = card;
		this.waitUntil = null;
		this.phase = 'question';
		this.#shownAt = this.#data.now();
		this.#countLeft();
		this.onStep?.();
	}

	#advance(): void {
		const next = this.#order.next(this.#data.now());
		if (next.kind === 'card') {
			const item = this.#items.get(next.id);
			if (item) this.#show(item);
			else this.#finish();
		} else if (next.kind === 'wait') {
			this.current = null;
			this.phase = 'wait';
			this.waitUntil = next.until;
			this.#countLeft();
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => this.#advance(), Math.max(0, next.until - this.#data.now()));
		} else {
			this.#finish();
		}
	}

	#countLeft(): void {
		this.left = this.#order.left;
		this.leftByKind = this.#order.leftByKind;
	}

	/** Whether cards are still being asked (an app update waits until they are not). */
	get running(): boolean {
		return this.phase !== 'done';
	}

	#finish(): void {
		clearTimeout(this.#timer);
		if (this.phase !== 'done') queueMicrotask(() => this.onDone?.());
		const now = this.#data.now();
		const left = this.#order.left;
		const counts = { answered: this.answered, again: this.again, cards: this.#cards.length, left };
		this.current = null;
		this.waitUntil = null;
		this.phase = 'done';
		this.#countLeft();
		this.summary = summarize(
			counts,
			now - this.#startedAt,
			nextDueOf(this.#items.keys(), this.#data.states, now)
		);
		this.onStep?.();
	}
}
