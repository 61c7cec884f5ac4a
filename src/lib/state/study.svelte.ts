import type { CardItem } from '$lib/content/types';
import { answerDuration } from '$lib/limits';
import { studyDayEnd, studyDayStart } from '$lib/srs/day';
import {
	afterAnswer,
	buildQueue,
	cardsLeft,
	nextCard,
	siblingKeysById,
	studiedToday,
	type StudyCard,
	type StudyQueue
} from '$lib/srs/queue';
import { newCardState, previewDue } from '$lib/srs/scheduler';
import { cardsInScope, type StudyScope } from '$lib/srs/scope';
import { shuffled } from '$lib/random';
import { deckOf } from '$lib/content/ids';
import { Rating, type Grade, type StudyMode } from '$lib/srs/types';
import { recordAnswer, undoAnswer } from '$lib/state/answers';
import { errorMessage } from '$lib/errors';
import { reviewsSince } from '$lib/storage/reviews';
import { app } from './app.svelte';
import type { StudyData } from './study-data';

/** What a finished session reports. */
export interface SessionSummary {
	answered: number;
	/** Share of answers that were not "Again", 0 to 1. */
	accuracy: number;
	durationMs: number;
	/** When the next card of this scope comes due, or null when none is scheduled. */
	nextDue: number | null;
}

interface UndoStep {
	reviewId: number;
	card: CardItem;
	queue: StudyQueue;
	cramIndex: number;
	grade: Grade;
}

/**
 * One study session: the queue of today's cards (or, in cram mode, every card of the scope in a
 * random order), the card shown, and answering and undoing with every answer stored at once.
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
	error = $state<string | null>(null);
	canUndo = $state(false);
	busy = $state(false);
	summary = $state.raw<SessionSummary | null>(null);
	/** Called once, when the session ends. */
	onDone: (() => void) | undefined;

	#data: StudyData;
	#items: Map<string, CardItem>;
	#queue: StudyQueue = { requested: [], reviews: [], learning: [], fresh: [] };
	#cram: StudyCard[] = [];
	#cramIndex = 0;
	#dayEnd = 0;
	#startedAt: number;
	#shownAt = 0;
	#undo: UndoStep[] = [];
	#timer: ReturnType<typeof setTimeout> | undefined;

	private constructor(
		data: StudyData,
		scope: StudyScope,
		mode: StudyMode,
		items: Map<string, CardItem>
	) {
		this.#data = data;
		this.scope = scope;
		this.mode = mode;
		this.#items = items;
		this.#startedAt = data.now();
	}

	/**
	 * Starts a session over a scope. In cram mode `random` orders the cards (Math.random by default);
	 * `extraNew` lets a one-deck session introduce that many new cards past today's limits ("Study
	 * more today").
	 */
	static async start(
		data: StudyData,
		scope: StudyScope,
		mode: StudyMode,
		{ random = Math.random, extraNew = 0 }: { random?: () => number; extraNew?: number } = {}
	): Promise<StudySession> {
		const { cards, items } = cardsInScope(data.decks, scope);
		const session = new StudySession(data, scope, mode, items);
		if (mode === 'cram') {
			session.#cram = shuffled(
				cards.filter((card) => !data.states.get(card.id)?.retired),
				random
			);
		} else {
			const now = data.now();
			session.#dayEnd = studyDayEnd(now, data.settings.dayStartHour);
			const today = studiedToday(
				await reviewsSince(data.db, studyDayStart(now, data.settings.dayStartHour)),
				siblingKeysById(cards)
			);
			const limits =
				extraNew > 0 && scope.deck
					? { ...data.settings, extraNew: { [scope.deck]: extraNew } }
					: data.settings;
			session.#queue = buildQueue(cards, data.states, today, limits, session.#dayEnd);
		}
		session.#advance();
		return session;
	}

	/** The scheduler settings answers are given with. Fuzz is always on in the app. */
	get #params() {
		return { retention: this.#data.settings.desiredRetention, fuzz: true };
	}

	/** Cards done and left, for the progress bar. */
	get progress(): { done: number; total: number } {
		return { done: this.answered, total: this.answered + this.left };
	}

	/** When answering the current card with each grade would bring it back. */
	get intervals(): Record<Grade, number> | null {
		const card = this.current;
		if (!card || this.mode === 'cram') return null;
		const now = this.#data.now();
		const state = this.#data.states.get(card.id) ?? newCardState(card.id, deckOf(card.id), now);
		const due = previewDue(state, now, this.#params);
		return {
			[Rating.Again]: due[Rating.Again] - now,
			[Rating.Hard]: due[Rating.Hard] - now,
			[Rating.Good]: due[Rating.Good] - now,
			[Rating.Easy]: due[Rating.Easy] - now
		};
	}

	/** Shows the answer side of the current card. */
	reveal(): void {
		if (this.phase === 'question' && this.current) this.phase = 'answer';
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
			this.#undo.push({
				reviewId: review.id as number,
				card,
				queue: this.#queue,
				cramIndex: this.#cramIndex,
				grade
			});
			if (state) {
				this.#data.states.set(state.id, state);
				this.#queue = afterAnswer(this.#queue, state, this.#dayEnd);
			} else {
				this.#cramIndex += 1;
			}
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
			this.#queue = step.queue;
			this.#cramIndex = step.cramIndex;
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

	#show(card: CardItem): void {
		clearTimeout(this.#timer);
		this.current = card;
		this.waitUntil = null;
		this.phase = 'question';
		this.#shownAt = this.#data.now();
		this.left = this.mode === 'cram' ? this.#cram.length - this.#cramIndex : cardsLeft(this.#queue);
	}

	#advance(): void {
		if (this.mode === 'cram') {
			const next = this.#cram[this.#cramIndex];
			const item = next && this.#items.get(next.id);
			if (item) this.#show(item);
			else this.#finish();
			return;
		}
		const next = nextCard(this.#queue, this.#data.now());
		if (next.kind === 'card') {
			const item = this.#items.get(next.id);
			if (item) this.#show(item);
			else this.#finish();
		} else if (next.kind === 'wait') {
			this.current = null;
			this.phase = 'wait';
			this.waitUntil = next.until;
			this.left = cardsLeft(this.#queue);
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => this.#advance(), Math.max(0, next.until - this.#data.now()));
		} else {
			this.#finish();
		}
	}

	/** Whether cards are still being asked (an app update waits until they are not). */
	get running(): boolean {
		return this.phase !== 'done';
	}

	#finish(): void {
		clearTimeout(this.#timer);
		if (this.phase !== 'done') queueMicrotask(() => this.onDone?.());
		const now = this.#data.now();
		let nextDue: number | null = null;
		for (const id of this.#items.keys()) {
			const state = this.#data.states.get(id);
			if (state && !state.retired && state.due > now && (nextDue === null || state.due < nextDue)) {
				nextDue = state.due;
			}
		}
		this.current = null;
		this.waitUntil = null;
		this.phase = 'done';
		this.left = 0;
		this.summary = {
			answered: this.answered,
			accuracy: this.answered === 0 ? 0 : (this.answered - this.again) / this.answered,
			durationMs: now - this.#startedAt,
			nextDue
		};
	}
}
