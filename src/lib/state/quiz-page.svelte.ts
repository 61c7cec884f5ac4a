import { QUIZ_KINDS, type QuizKind } from '$lib/content/types';
import { AppError } from '$lib/errors';
import { bestScores, DEFAULT_QUIZ, pickQuestions, type QuizOptions } from '$lib/quiz/quiz';
import { scopeOf } from '$lib/srs/scope';
import type { StoredDeck, StudyDatabase } from '$lib/storage/db';
import { loadQuizAttempts } from '$lib/storage/history';
import { app } from './app.svelte';
import { earlyStart } from './early-start.svelte';
import { QuizSnapshotSchema } from './kept-schemas';
import { keptSession } from './kept-sessions';
import { SessionPage } from './page.svelte';
import { QuizSession } from './quiz.svelte';

/** The Quiz page: the one-tap quiz or one with chosen options, and the best scores so far. */
export class QuizPage extends SessionPage<QuizSession, QuizOptions> {
	protected readonly kind = 'quiz';
	/** Best score and attempts per scope (`all` or a deck id). */
	best = $state.raw<ReadonlyMap<string, { best: number; attempts: number }>>(bestScores([]));
	/** The options form: a deck or topic (`''` for all), a length and the kinds of question. */
	scope = $state('');
	length = $state<QuizOptions['length']>(DEFAULT_QUIZ.length);
	kinds = $state<QuizKind[]>([...QUIZ_KINDS]);

	/**
	 * The decks with quiz questions: ours and own notes (cards imported from other apps are plain
	 * front and back, which would make unfair choices, so they make none).
	 */
	get decks(): StoredDeck[] {
		return app.decks.filter((deck) => QUIZ_KINDS.some((kind) => deck.counts[kind] > 0));
	}

	/** The scopes a best score can be kept for, in deck order. */
	get scores(): { id: string; title: string }[] {
		return [
			{ id: 'all', title: 'All decks' },
			...this.decks.map((deck) => ({ id: deck.id, title: deck.title }))
		];
	}

	protected async load(db: StudyDatabase): Promise<void> {
		this.best = bestScores(await loadQuizAttempts(db));
		// "Start quiz" tapped on the prerendered card before this page model was there.
		if (earlyStart.quiz) {
			earlyStart.quiz = false;
			this.request = DEFAULT_QUIZ;
		}
	}

	protected async create(db: StudyDatabase, options: QuizOptions): Promise<QuizSession> {
		const questions = pickQuestions(app.decks, options, Math.random);
		if (questions.length === 0) throw new AppError('No questions match these options.');
		return new QuizSession(db, questions, options);
	}

	protected async resume(db: StudyDatabase): Promise<QuizSession | null> {
		const kept = await keptSession(db, 'quiz', QuizSnapshotSchema);
		return kept && QuizSession.resume(db, app.decks, kept);
	}

	/** The quiz of ten mixed questions from all decks. */
	startDefault(): Promise<void> {
		return this.start(DEFAULT_QUIZ);
	}

	/** The quiz the options form describes. */
	startWithOptions(): Promise<void> {
		return this.start({ ...scopeOf(this.scope), length: this.length, kinds: this.kinds });
	}
}
