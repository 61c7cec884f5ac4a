import { deckOf } from '$lib/content/ids';
import type { Deck, QuizItem } from '$lib/content/types';
import {
	cardsToReview,
	missedQuestions,
	quizScope,
	scoreResponse,
	type QuizOptions,
	type QuizResponse,
	type QuizResult
} from '$lib/quiz/quiz';
import type { QuizAnswerRecord, QuizAttempt } from '$lib/quiz/types';
import { requestCards } from '$lib/state/answers';
import type { StudyDatabase } from '$lib/storage/db';
import { loadQuizAttempts, saveQuizAttempt } from '$lib/storage/history';
import { errorMessage } from '$lib/errors';
import { app } from './app.svelte';
import type { QuizSnapshot } from './kept-schemas';
import { loadStudyData, requestedFirst } from './study-data';

/** One quiz: its questions in order, the learner's answers, and the saved attempt at the end. */
export class QuizSession {
	readonly questions: QuizItem[];
	readonly options: QuizOptions;
	index = $state(0);
	phase = $state<'question' | 'feedback' | 'done'>('question');
	result = $state.raw<QuizResult | null>(null);
	/** The learner's response to the question on screen, while its feedback shows. */
	response = $state.raw<QuizResponse | null>(null);
	answers = $state.raw<QuizAnswerRecord[]>([]);
	/** Flashcards queued by "Review mistakes", once asked. */
	reviewQueued = $state<number | null>(null);
	/** Of the flashcards asked for, those held back to tomorrow by a sibling answered today. */
	reviewLater = $state(0);
	readonly startedAt: number;
	finishedAt = $state<number | null>(null);
	/** Whether the finished attempt is in the history: 'failed' shows why and offers to try again. */
	saved = $state<'no' | 'saving' | 'saved' | 'failed'>('no');
	/** Why the attempt could not be kept, in words a person can act on. */
	saveError = $state<string | null>(null);

	/** Called after every step (an answer, the next question, the end, a save). */
	onStep: (() => void) | undefined;

	#db: StudyDatabase;
	#now: () => number;

	constructor(
		db: StudyDatabase,
		questions: QuizItem[],
		options: QuizOptions,
		now: () => number = Date.now,
		startedAt = now()
	) {
		this.#db = db;
		this.#now = now;
		this.questions = questions;
		this.options = options;
		this.startedAt = startedAt;
	}

	/**
	 * A kept quiz, where it was left: same questions, position, answers and feedback. Null when a
	 * question is no longer in the decks (their content changed), so the quiz cannot be the same.
	 */
	static resume(
		db: StudyDatabase,
		decks: readonly Deck[],
		kept: QuizSnapshot,
		now: () => number = Date.now
	): QuizSession | null {
		const items = decks.flatMap((deck) => deck.items);
		const questions = kept.questions.map(
			(id) => items.find((item) => item.id === id) as QuizItem | undefined
		);
		if (questions.some((item) => item === undefined) || kept.index >= questions.length) return null;
		const session = new QuizSession(db, questions as QuizItem[], kept.options, now, kept.startedAt);
		session.index = kept.index;
		session.answers = kept.answers;
		session.phase = kept.phase;
		session.result = kept.result;
		session.response = kept.response;
		session.finishedAt = kept.finishedAt;
		session.saved = kept.saved === 'saved' ? 'saved' : 'no';
		session.reviewQueued = kept.reviewQueued;
		session.reviewLater = kept.reviewLater;
		// A quiz that ended while its save was on the way is saved now, unless that save did land.
		if (session.phase === 'done' && session.saved === 'no') void session.#saveOnce();
		return session;
	}

	/** What is kept of this quiz after every step, to resume it (see `resume`); null once it ended unanswered. */
	get snapshot(): QuizSnapshot | null {
		if (this.phase === 'done' && this.answers.length === 0) return null;
		return {
			options: { ...this.options, kinds: [...this.options.kinds] },
			questions: this.questions.map((item) => item.id),
			startedAt: this.startedAt,
			index: this.index,
			phase: this.phase,
			result: this.result,
			response: this.response,
			answers: this.answers,
			finishedAt: this.finishedAt,
			saved: this.saved === 'saved' ? 'saved' : 'no',
			reviewQueued: this.reviewQueued,
			reviewLater: this.reviewLater
		};
	}

	/** Whether questions are still being asked (an app update waits until they are not). */
	get running(): boolean {
		return this.phase !== 'done';
	}

	/** The question on screen, or null once the quiz is over. */
	get current(): QuizItem | null {
		return this.phase === 'done' ? null : (this.questions[this.index] ?? null);
	}

	get correct(): number {
		return this.answers.filter((answer) => answer.correct).length;
	}

	/** Scores the learner's response to the current question and shows the feedback. */
	respond(response: QuizResponse): QuizResult | null {
		const item = this.current;
		if (!item || this.phase !== 'question') return null;
		const result = scoreResponse(item, response);
		this.result = result;
		this.response = response;
		this.answers = [
			...this.answers,
			{
				item: item.id,
				deck: deckOf(item.id),
				topic: item.topic,
				kind: item.kind,
				correct: result.correct
			}
		];
		this.phase = 'feedback';
		this.onStep?.();
		return result;
	}

	/** Moves to the next question, or ends the quiz and keeps the attempt. */
	async next(): Promise<void> {
		if (this.phase !== 'feedback') return;
		this.result = null;
		this.response = null;
		if (this.index + 1 < this.questions.length) {
			this.index += 1;
			this.phase = 'question';
			this.onStep?.();
			return;
		}
		await this.finish();
	}

	/**
	 * Ends the quiz (also early) and saves the attempt with the questions answered so far. A failed
	 * save is never silent: `saved` is 'failed' and `saveError` says why until `saveAttempt` works.
	 */
	async finish(): Promise<void> {
		if (this.phase === 'done') return;
		this.phase = 'done';
		this.finishedAt = this.#now();
		this.onStep?.();
		if (this.answers.length === 0) return;
		await this.saveAttempt();
	}

	async #saveOnce(): Promise<void> {
		const attempts = await loadQuizAttempts(this.#db).catch(() => []);
		if (!attempts.some((attempt) => attempt.startedAt === this.startedAt)) {
			await this.saveAttempt();
			return;
		}
		this.saved = 'saved';
		this.onStep?.();
	}

	/** Keeps the finished attempt in the history (again, after a failure). */
	async saveAttempt(): Promise<void> {
		if (this.phase !== 'done' || this.answers.length === 0 || this.finishedAt === null) return;
		if (this.saved === 'saving' || this.saved === 'saved') return;
		const attempt: QuizAttempt = {
			scope: quizScope(this.options),
			kinds: [...this.options.kinds],
			startedAt: this.startedAt,
			finishedAt: this.finishedAt,
			correct: this.correct,
			total: this.answers.length,
			answers: this.answers
		};
		this.saved = 'saving';
		try {
			await saveQuizAttempt(this.#db, attempt);
			this.saved = 'saved';
			this.saveError = null;
			this.onStep?.();
			app.changed();
		} catch (error) {
			this.saved = 'failed';
			this.saveError = `This score was not kept in your history. ${errorMessage(error)}`;
		}
	}

	/**
	 * Makes the flashcards of the missed facts come first in the next study session, and counts
	 * those today's study shows (`reviewQueued`) apart from those a sibling answered today holds
	 * back to tomorrow (`reviewLater`).
	 */
	async reviewMistakes(): Promise<number> {
		const cards = cardsToReview(missedQuestions(this.questions, this.answers), app.decks);
		await requestCards(this.#db, cards, this.#now());
		app.changed();
		const first = await requestedFirst(await loadStudyData(this.#db, app.decks));
		this.reviewQueued = cards.filter((card) => first.has(card.id)).length;
		this.reviewLater = cards.length - this.reviewQueued;
		this.onStep?.();
		return this.reviewQueued;
	}
}
