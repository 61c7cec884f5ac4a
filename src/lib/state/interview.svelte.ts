import type { InterviewItem } from '$lib/content/types';
import { interviewScore, pointsOf } from '$lib/quiz/interview';
import { coveredPoints } from '$lib/quiz/key-point-detection';
import type { Delivery } from '$lib/quiz/delivery';
import { undoAnswer } from '$lib/state/answers';
import type { StudyDatabase } from '$lib/storage/db';
import { answerDuration } from '$lib/limits';
import { neutralizeMarkup } from '$lib/markup';
import type { RecorderOptions } from './answer-recorder.svelte';
import type { InterviewSnapshot } from './kept-schemas';
import { storeInterviewScore, type InterviewResult } from './interview-result';
import { InterviewRecordings } from './interview-recordings.svelte';
import { storageStep } from './storage-step';
import { newInterview, snapshotOf, type RestoredInterview } from './interview-snapshot';

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
	/** When the current question was shown, epoch ms; moved on by the time away on a resume. */
	shownAt = $state(0);
	/** When it was first shown, epoch ms, never moved: a recording made since is this answer's. */
	askedAt = $state(0);
	/** How long the answer on screen took, from shown to revealed; null until it is revealed. */
	answeredMs = $state<number | null>(null);
	/** When the session started, epoch ms: a recording made before is not one of its answers. */
	readonly startedAt: number;
	/** A mock interview's id, when it started (epoch ms); null in practice. */
	readonly mockId: number | null;
	/** The spoken answers: the recorder of the question or follow-up on screen, and the replays. */
	readonly recordings: InterviewRecordings;
	/** Resolves once the take the reveal stopped is kept (or refused) and its points are ticked. */
	heardTicked: Promise<void> = Promise.resolve();

	#db: StudyDatabase;
	#retention: number;
	#now: () => number;
	/** The review of the score just saved, while it can be taken back. */
	#saved: number | null = null;
	/** Called after every step (typing, a tick, a reveal, a score, the next question). */
	onStep: (() => void) | undefined;

	/**
	 * @param options.restore a kept interview read back (see interview-snapshot.ts), resumed where it
	 *   was left; options.recorder a test's microphone, recogniser and clock for the recorders
	 */
	constructor(
		db: StudyDatabase,
		mode: 'practice' | 'mock',
		questions: InterviewItem[],
		settings: { interviewSeconds: number; desiredRetention: number },
		now: () => number = Date.now,
		options: { restore?: RestoredInterview; recorder?: RecorderOptions } = {}
	) {
		this.#db = db;
		this.mode = mode;
		this.questions = questions;
		this.limitSeconds = settings.interviewSeconds;
		this.#retention = settings.desiredRetention;
		this.#now = now;
		const start = options.restore ?? newInterview(mode, questions, now());
		this.startedAt = start.startedAt;
		this.mockId = start.mockId;
		this.#saved = start.saved;
		this.followUps = [...start.followUps];
		this.followUpNotes = start.followUpNotes;
		this.index = start.index;
		this.phase = start.phase;
		this.shownAt = start.shownAt;
		this.askedAt = start.askedAt;
		this.answeredMs = start.answeredMs;
		this.covered = [...start.covered];
		this.notes = start.notes;
		this.results = [...start.results];
		this.recordings = new InterviewRecordings({ open: async () => db, now, ...options.recorder });
		this.recordings.follow(this);
	}

	/** What is kept after every step; null once it ended with nothing scored. */
	get snapshot(): InterviewSnapshot | null {
		return snapshotOf(this, this.#saved, this.#now());
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

	/** The points the spoken answer covers, from its transcript made on this device (marked). */
	get heard(): number[] {
		const item = this.current;
		return item ? this.recordings.heard(item, this.askedAt) : [];
	}

	/** Where the summary replays the recording of `key` (an answer's or a follow-up's) from. */
	replayUrl(key: string): string | null {
		return this.recordings.replayUrl(key, this.startedAt);
	}

	/** How the recorded answer was delivered, from its transcript; null when there is none. */
	get delivery(): Delivery | null {
		return this.recordings.delivery(this.limitSeconds);
	}

	/**
	 * Shows the model answer and the key points to tick, pre-ticking those the typed answer and the
	 * transcript of the spoken one cover. Only here, on leaving 'answering': a session resumed after
	 * the reveal keeps the candidate's own ticks as they were. A take under way is stopped and kept;
	 * the points its transcript covers are ticked once it is (see `heardTicked`), none of the
	 * recording it replaces.
	 */
	reveal(): void {
		if (this.phase !== 'answering') return;
		this.#preTick([...this.found, ...this.heard]);
		this.answeredMs = answerDuration(this.shownAt, this.#now());
		this.phase = 'reveal';
		this.onStep?.();
		const recorder = this.recordings.current;
		if (recorder && recorder.phase !== 'idle') this.heardTicked = this.#tickHeard(recorder.stop());
	}

	/** Once the take the reveal stopped is kept, ticks the points its transcript covers. */
	async #tickHeard(stopped: Promise<boolean>): Promise<void> {
		const index = this.index;
		const kept = await stopped;
		if (!kept || this.phase !== 'reveal' || this.index !== index) return;
		this.#preTick(this.heard);
		this.onStep?.();
	}

	/** Adds `points` to the ticks, in the order of the list. */
	#preTick(points: readonly number[]): void {
		const ticked = [...this.covered, ...points];
		this.covered = ticked.filter((point, at) => ticked.indexOf(point) === at).sort((a, b) => a - b);
	}

	/** Stores the score: the question is scheduled by how much was covered. */
	async saveScore(): Promise<void> {
		const item = this.current;
		if (!item || this.phase !== 'reveal' || this.busy) return;
		const now = this.#now();
		const score = this.score;
		const durationMs = this.answeredMs ?? answerDuration(this.shownAt, now);
		const notes = neutralizeMarkup(this.notes);
		const covered = [...this.covered].sort((a, b) => a - b);
		await storageStep(this, async () => {
			this.#saved = await storeInterviewScore(this.#db, {
				item,
				covered,
				score,
				notes,
				now,
				durationMs,
				retention: this.#retention,
				mock: this.mockId
			});
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
		await storageStep(this, async () => {
			await undoAnswer(this.#db, saved);
			this.#saved = null;
			this.results = this.results.slice(0, -1);
			this.phase = 'reveal';
			this.onStep?.();
		});
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
			this.#show();
			return;
		}
		this.#advance();
	}

	/** Keeps the answer to the follow-up with the question's result, then goes on. */
	answerFollowUp(): void {
		if (this.#keepFollowUp()) this.#advance();
	}

	/** Keeps the follow-up's answer (and so its recording) with its question; false if none. */
	#keepFollowUp(): boolean {
		const question = this.followUp;
		const last = this.results.at(-1);
		if (this.phase !== 'follow-up' || question === null || !last) return false;
		const followUp = {
			question,
			answer: neutralizeMarkup(this.followUpNotes),
			durationMs: answerDuration(this.shownAt, this.#now())
		};
		this.results = [...this.results.slice(0, -1), { ...last, followUp }];
		this.followUpNotes = '';
		return true;
	}

	#advance(): void {
		if (this.index + 1 >= this.questions.length) {
			this.#end();
			return;
		}
		this.index += 1;
		this.covered = [];
		this.notes = '';
		this.phase = 'answering';
		this.#show();
	}

	/** Shows the question or follow-up now on screen, its clock starting. */
	#show(): void {
		this.shownAt = this.askedAt = this.#now();
		this.answeredMs = null;
		this.recordings.follow(this);
		this.onStep?.();
	}

	/** Ends the session now; scored answers are stored, a follow-up's answer kept as Next keeps it. */
	finish(): void {
		this.#keepFollowUp();
		this.#end();
	}

	#end(): void {
		this.phase = 'done';
		this.recordings.follow(this);
		this.onStep?.();
	}

	/** The session goes (closed, or its page left): recordings under way are stopped and kept. */
	dispose(): void {
		this.recordings.dispose();
	}

	/** The average score of the answered questions, 0 to 1. */
	get average(): number {
		if (this.results.length === 0) return 0;
		return this.results.reduce((sum, result) => sum + result.score, 0) / this.results.length;
	}
}
