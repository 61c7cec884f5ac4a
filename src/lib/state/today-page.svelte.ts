import { backupReminder, hasProgress, type BackupReminder } from '$lib/backup/file';
import type { InterviewItem } from '$lib/content/types';
import type { NewToday, QueueCounts } from '$lib/srs/counts';
import { studyDayKey, studyDayStart } from '$lib/srs/day';
import { isDateKey, type InterviewDate, type InterviewPlan } from '$lib/srs/plan';
import { studyDayRanges, studyStreak } from '$lib/srs/stats';
import { progressCounts } from '$lib/storage/backup';
import type { StudyDatabase } from '$lib/storage/db';
import { loadQuizAttempts } from '$lib/storage/history';
import { countAnswers } from '$lib/storage/reviews';
import { loadMeta } from '$lib/storage/settings';
import { AppError } from '$lib/errors';
import { app } from './app.svelte';
import { dueBadge } from './due-badge.svelte';
import { earlyStart } from './early-start.svelte';
import { saveInterviewDate } from './interview-date';
import { InterviewSnapshotSchema, QuizSnapshotSchema, StudySnapshotSchema } from './kept-schemas';
import { keptSession } from './kept-sessions';
import { PageModel } from './page.svelte';
import { dayOverview, loadStudyData } from './study-data';

/** Days of answers read for the streak at first; more only while the streak reaches back that far. */
const STREAK_DAYS = 14;
const STREAK_MAX_DAYS = 3660;

/** The streak, reading a fortnight of days and more only while every day of it has answers. */
async function streakOf(db: StudyDatabase, now: number, dayStartHour: number): Promise<number> {
	for (let days = STREAK_DAYS; ; days *= 2) {
		const perDay = await countAnswers(db, studyDayRanges(now, dayStartHour, days));
		const streak = studyStreak(perDay, now, dayStartHour);
		if (streak < days - 1 || days >= STREAK_MAX_DAYS) return streak;
	}
}

/** What "Continue" does: resume a session left open, start the day's study, or nothing is left. */
export type NextStep =
	| { kind: 'study-session'; answered: number }
	| { kind: 'quiz'; question: number; of: number }
	| { kind: 'interview'; question: number; of: number; mock: boolean }
	| { kind: 'study'; cards: number }
	| { kind: 'done' };

/** What the Today screen shows. */
export interface TodayView {
	counts: QueueCounts;
	newToday: NewToday;
	streak: number;
	minutes: number;
	next: NextStep;
	backup: BackupReminder | null;
	interview: InterviewDate | null;
	plan: InterviewPlan | null;
	question: InterviewItem | null;
}

/** The interview question of a day: the same all day, another the next. */
export function questionOfDay(
	questions: readonly InterviewItem[],
	day: string
): InterviewItem | null {
	let hash = 0;
	for (const char of day) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return questions[hash % Math.max(1, questions.length)] ?? null;
}

/**
 * The Today screen of the home page: what is due and new today, the streak and minutes studied,
 * one "Continue" (a session left open, else the day's study), the interview question of the day,
 * the backup reminder, and the interview date with its plan.
 */
export class TodayPage extends PageModel {
	view = $state.raw<TodayView | null>(null);
	/** The date being entered (`YYYY-MM-DD`, `''` for none). */
	date = $state('');
	/**
	 * Whether the date field is open. It opens on demand: a date field's first drawing loads the
	 * browser's calendar formats, a long task no first visit should pay.
	 */
	editing = $state(false);
	saving = $state(false);

	protected async load(db: StudyDatabase): Promise<void> {
		const now = Date.now();
		const data = await loadStudyData(db, app.decks);
		const { dayStartHour } = data.settings;
		const todayStart = studyDayStart(now, dayStartHour);
		const { reviewsToday: today, interview } = data;
		const [overview, streak, counts, lastBackup, study, quiz, mock, attempts] = await Promise.all([
			dayOverview(data),
			streakOf(db, now, dayStartHour),
			progressCounts(db),
			loadMeta(db, 'lastBackupAt'),
			keptSession(db, 'study', StudySnapshotSchema),
			keptSession(db, 'quiz', QuizSnapshotSchema),
			keptSession(db, 'interview', InterviewSnapshotSchema),
			loadQuizAttempts(db)
		]);
		const cards = overview.all.due + overview.all.learning + overview.all.fresh;
		let next: NextStep = cards > 0 ? { kind: 'study', cards } : { kind: 'done' };
		if (mock && mock.phase !== 'done') {
			const [question, of] = [mock.index + 1, mock.questions.length];
			next = { kind: 'interview', question, of, mock: mock.mode === 'mock' };
		}
		if (quiz && quiz.phase !== 'done') {
			next = { kind: 'quiz', question: quiz.index + 1, of: quiz.questions.length };
		}
		const resumable = study?.mode === 'cram' || study?.day === studyDayKey(now, dayStartHour);
		if (study && study.summary === null && resumable) {
			next = { kind: 'study-session', answered: study.answered };
		}
		const questions = app.decks.flatMap((deck) =>
			deck.items.filter((item): item is InterviewItem => item.kind === 'interview')
		);
		this.view = {
			counts: overview.all,
			newToday: overview.newToday,
			streak,
			// Time answering cards and interview questions, and time in quizzes.
			minutes: Math.round(
				(today.reduce((sum, review) => sum + review.durationMs, 0) +
					attempts
						.filter((attempt) => attempt.finishedAt >= todayStart)
						.reduce((sum, attempt) => sum + (attempt.finishedAt - attempt.startedAt), 0)) /
					60_000
			),
			next,
			backup: backupReminder(
				typeof lastBackup === 'number' ? lastBackup : null,
				hasProgress(counts),
				now
			),
			interview,
			plan: data.plan,
			question: questionOfDay(questions, studyDayKey(now, dayStartHour))
		};
		if (!this.saving && !this.editing) this.date = interview?.date ?? '';
		dueBadge.due = overview.all.due + overview.all.learning;
	}

	/** "Continue" for the day's study: the study page starts it once its counts are read. */
	startStudy(): void {
		earlyStart.study = { scope: {}, mode: 'review' };
	}

	/** Opens the date field, or closes it and puts back the date kept. */
	editDate(open: boolean): void {
		this.editing = open;
		if (!open) this.date = this.view?.interview?.date ?? '';
	}

	/** Keeps the date entered (or none), following the plan; then counts again. */
	async saveDate(): Promise<void> {
		const date = this.date.trim();
		const saved = await this.#save(async (db) => {
			if (date !== '' && !isDateKey(date)) {
				throw new AppError('Enter the date of your interview as a date, such as 2026-12-15.');
			}
			const follow = this.view?.interview?.follow ?? true;
			await saveInterviewDate(db, date === '' ? null : { date, follow });
		});
		if (saved) this.editing = false;
	}

	/** Whether the plan sets the daily new cards (on), or the settings do (off). */
	async follow(on: boolean): Promise<boolean> {
		const interview = this.view?.interview;
		if (!interview) return false;
		return this.#save((db) => saveInterviewDate(db, { ...interview, follow: on }));
	}

	async #save(work: (db: StudyDatabase) => Promise<void>): Promise<boolean> {
		this.saving = true;
		const saved = await this.attempt(async () => work(await app.ready()));
		this.saving = false;
		if (saved) {
			this.error = null;
			app.changed();
		}
		return saved;
	}
}
