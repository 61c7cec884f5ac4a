import { deckOf } from '$lib/content/ids';
import type { InterviewItem } from '$lib/content/types';
import { seededRandom } from '$lib/content/hash';
import { gradeForScore, interviewScore, pointsOf } from '$lib/quiz/interview';
import { coveredPoints } from '$lib/quiz/key-point-detection';
import { followUpPlan } from '$lib/quiz/mock-review';
import { recordAnswer, undoAnswer } from '$lib/state/answers';
import type { StudyDatabase } from '$lib/storage/db';
import { errorMessage } from '$lib/errors';
import { answerDuration } from '$lib/limits';
import { neutralizeMarkup } from '$lib/markup';
import { app } from './app.svelte';
import type { InterviewSnapshot } from './kept-schemas';
import type { InterviewResult } from './interview-result';
import { restored, snapshotOf } from './interview-snapshot';

export type { FollowUpAnswer, InterviewResult } from './interview-result';

/**
 * An interview session: practice (questions one after another, due ones first) or a mock
 * interview (five in a row with a summary). Each scored answer is scheduled like a card.
 */
export class InterviewSession {
	readonly mode: 'practice' | 'mock';
	readonly questions: InterviewItem[];
	readonly limitSeconds: number;
	index = $state(0);
	phase = $state<'answering' | 'reveal' | 'scored' | 'follow-up' | 'done'>('answering');
	/** Per question, the follow-up a mock interview asks after it is scored, or null. */
	followUps: (string | null)[] = [];
	/** The answer typed to the follow-up on screen. */
	followUpNotes = $state('');
	covered = $state<number[]>([]);
	notes = $state('');
	results = $state.raw<InterviewResult[]>([]);
	error = $state<string | null>(null);
	busy = $state(false);
	/** When the current question was shown, epoch ms. */
	shownAt = $state(0);

	#db: StudyDatabase;
	#retention: number;
	#mockId: number | null;
	#now: () => number;
	/** The review of the score just saved, while it can be taken back. */
	#saved: number | null = null;
	/** Called after every step (typing, a tick, a reveal, a score, the next question). */
	onStep: (() => void) | undefined;

	constructor(
		db: StudyDatabase,
		mode: 'practice' | 'mock',
		questions: InterviewItem[],
		settings: { interviewSeconds: number; desiredRetention: number },
		now: () => number = Date.now
	) {
		this.#db = db;
		this.mode = mode;
		this.questions = questions;
		this.limitSeconds = settings.interviewSeconds;
		this.#retention = settings.desiredRetention;
		this.#now = now;
		this.#mockId = mode === 'mock' ? now() : null;
		if (this.#mockId !== null) {
			this.followUps = followUpPlan(questions, seededRandom(String(this.#mockId)));
		}
		this.shownAt = now();
	}

	/** A kept interview where it was left; null when a question is no longer in the decks. */
	static resume(
		db: StudyDatabase,
		questions: readonly InterviewItem[],
		kept: InterviewSnapshot,
		settings: { interviewSeconds: number; desiredRetention: number }
	): InterviewSession | null {
		const parts = restored(questions, kept, Date.now());
		if (!parts) return null;
		const session = new InterviewSession(db, kept.mode, parts.questions, settings);
		session.#mockId = parts.startedAt;
		session.#saved = parts.saved;
		session.followUps = [...parts.followUps];
		session.followUpNotes = parts.followUpNotes;
		session.index = parts.index;
		session.phase = parts.phase;
		session.shownAt = parts.shownAt;
		session.covered = [...parts.covered];
		session.notes = parts.notes;
		session.results = [...parts.results];
		return session;
	}

	/** What is kept after every step; null once it ended with nothing scored. */
	get snapshot(): InterviewSnapshot | null {
		return snapshotOf(this, this.#saved, this.#now());
	}

	/** When a mock interview started (epoch ms); null in practice. */
	get startedAt(): number | null {
		return this.#mockId;
	}

	/** Tells the page that the typed answer or the ticks changed, so they are kept. */
	changed(): void {
		this.onStep?.();
	}

	/** Whether questions are still being asked (an app update waits until they are not). */
	get running(): boolean {
		return this.phase !== 'done';
	}

	get current(): InterviewItem | null {
		return this.phase === 'done' ? null : (this.questions[this.index] ?? null);
	}

	/** The share of key points ticked so far. */
	get score(): number {
		return interviewScore(this.covered.length, this.current ? pointsOf(this.current).length : 0);
	}

	/** The points the typed answer covers, as found by word matching (marked in the list). */
	get found(): number[] {
		const item = this.current;
		return item ? coveredPoints(this.notes, pointsOf(item), item.synonyms) : [];
	}

	/**
	 * Shows the model answer and the key points to tick, pre-ticking those the typed answer covers.
	 * Only here, on leaving 'answering': a session resumed after the reveal keeps the candidate's own
	 * ticks as they were.
	 */
	reveal(): void {
		if (this.phase !== 'answering') return;
		const ticked = this.covered;
		this.covered = [...ticked, ...this.found.filter((index) => !ticked.includes(index))].sort(
			(a, b) => a - b
		);
		this.phase = 'reveal';
		this.onStep?.();
	}

	/** Stores the score: the question is scheduled by how much was covered. */
	async saveScore(): Promise<void> {
		const item = this.current;
		if (!item || this.phase !== 'reveal' || this.busy) return;
		const now = this.#now();
		const score = this.score;
		const durationMs = answerDuration(this.shownAt, now);
		const notes = neutralizeMarkup(this.notes);
		await this.#store(async () => {
			const { review } = await recordAnswer(this.#db, {
				card: { id: item.id, deck: deckOf(item.id) },
				grade: gradeForScore(score),
				mode: 'interview',
				now,
				durationMs,
				params: { retention: this.#retention, fuzz: true },
				interview: {
					covered: [...this.covered].sort((a, b) => a - b),
					keyPoints: pointsOf(item).length,
					score,
					notes,
					mock: this.#mockId
				}
			});
			this.#saved = review.id ?? null;
			const covered = [...this.covered].sort((a, b) => a - b);
			this.results = [...this.results, { item, score, durationMs, notes, covered, followUp: null }];
			this.phase = 'scored';
			this.onStep?.();
		});
	}

	/**
	 * Takes back the score just saved (ts-fsrs rollback: the question is scheduled as it was, and its
	 * record is deleted), so the ticks can be changed and saved again.
	 */
	async undoScore(): Promise<void> {
		const saved = this.#saved;
		if (this.phase !== 'scored' || this.busy || saved === null) return;
		await this.#store(async () => {
			await undoAnswer(this.#db, saved);
			this.#saved = null;
			this.results = this.results.slice(0, -1);
			this.phase = 'reveal';
			this.onStep?.();
		});
	}

	/** Runs one change to storage, busy meanwhile; a failure is shown and changes nothing. */
	async #store(change: () => Promise<void>): Promise<void> {
		this.busy = true;
		try {
			await change();
			this.error = null;
			app.changed();
		} catch (error) {
			this.error = errorMessage(error);
		} finally {
			this.busy = false;
		}
	}

	/** The follow-up on screen, asked after the question just scored; null when there is none. */
	get followUp(): string | null {
		return this.followUps[this.index] ?? null;
	}

	/**
	 * Goes on: in a mock interview, to the follow-up of the question just scored if it has one
	 * (its own shorter clock), else to the next question, or ends the session after the last.
	 */
	next(): void {
		if (this.phase !== 'scored') return;
		this.#saved = null;
		if (this.followUp !== null) {
			this.phase = 'follow-up';
			this.followUpNotes = '';
			this.shownAt = this.#now();
			this.onStep?.();
			return;
		}
		this.#advance();
	}

	/** Keeps the answer to the follow-up with the question's result, then goes on. */
	answerFollowUp(): void {
		const question = this.followUp;
		const last = this.results.at(-1);
		if (this.phase !== 'follow-up' || question === null || !last) return;
		const followUp = {
			question,
			answer: neutralizeMarkup(this.followUpNotes),
			durationMs: answerDuration(this.shownAt, this.#now())
		};
		this.results = [...this.results.slice(0, -1), { ...last, followUp }];
		this.followUpNotes = '';
		this.#advance();
	}

	#advance(): void {
		if (this.index + 1 >= this.questions.length) {
			this.finish();
			return;
		}
		this.index += 1;
		this.covered = [];
		this.notes = '';
		this.phase = 'answering';
		this.shownAt = this.#now();
		this.onStep?.();
	}

	/** Ends the session now; scored answers are already stored. */
	finish(): void {
		this.phase = 'done';
		this.onStep?.();
	}

	/** The average score of the answered questions, 0 to 1. */
	get average(): number {
		if (this.results.length === 0) return 0;
		return this.results.reduce((sum, result) => sum + result.score, 0) / this.results.length;
	}
}
