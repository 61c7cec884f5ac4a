import { isCardItem } from '$lib/content/types';
import { studyDayStart } from '$lib/srs/day';
import {
	cardsByState,
	dueForecast,
	studyDayRanges,
	studyStreak,
	trueRetention,
	type CardsByState
} from '$lib/srs/stats';
import { suspendedIds } from '$lib/marks/marks';
import { loadCardStates } from '$lib/storage/cards';
import { loadMarks } from '$lib/storage/marks';
import type { StoredDeck, StudyDatabase } from '$lib/storage/db';
import { loadInterviewAnswers, loadQuizAttempts } from '$lib/storage/history';
import { bestScores } from '$lib/quiz/quiz';
import { countAnswers, reviewsSince } from '$lib/storage/reviews';
import { loadSettings } from '$lib/storage/settings';
import { app } from './app.svelte';
import { PageModel } from './page.svelte';

/** Days shown in the calendar of answers. */
export const CALENDAR_DAYS = 7 * 26;
/** Days of the due forecast. */
export const FORECAST_DAYS = 30;
const RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Everything the Stats page shows. */
export interface StatsView {
	/** Flashcard answers today (studied or crammed); interview answers are counted apart. */
	answersToday: number;
	streak: number;
	retention: { rate: number | null; count: number };
	/** Cards by learning state, the suspended ones apart (they are counted in no state). */
	cards: CardsByState & { suspended: number };
	forecast: number[];
	/** Answers per study day, oldest first. */
	calendar: { key: string; count: number }[];
	/** Best quiz score and number of attempts per scope (`all` or a deck id), in deck order. */
	quizzes: { scope: string; title: string; best: number; attempts: number }[];
	/** Interview answers given and the average share of key points covered. */
	interviews: { answers: number; average: number | null };
}

/** Reads and computes the learner's statistics. */
export async function loadStats(
	db: StudyDatabase,
	decks: readonly StoredDeck[],
	now: number
): Promise<StatsView> {
	const settings = await loadSettings(db);
	const [states, recent, perDay, attempts, interviews, marks] = await Promise.all([
		loadCardStates(db),
		reviewsSince(db, now - RETENTION_DAYS * DAY_MS),
		countAnswers(db, studyDayRanges(now, settings.dayStartHour, CALENDAR_DAYS)),
		loadQuizAttempts(db),
		loadInterviewAnswers(db),
		loadMarks(db)
	]);
	// A suspended card is waiting for nothing: it is counted apart and never forecast.
	const suspended = suspendedIds(marks.values());
	const best = bestScores(attempts);
	const scopes = [
		{ id: 'all', title: 'All decks' },
		...decks.map(({ id, title }) => ({ id, title }))
	];
	const todayStart = studyDayStart(now, settings.dayStartHour);
	const allIds = decks.flatMap((deck) => deck.items.filter(isCardItem).map((item) => item.id));
	const cardIds = allIds.filter((id) => !suspended.has(id));
	return {
		answersToday: recent.filter(
			(review) => review.time >= todayStart && review.mode !== 'interview'
		).length,
		streak: studyStreak(perDay, now, settings.dayStartHour),
		retention: trueRetention(recent, now, RETENTION_DAYS),
		cards: { ...cardsByState(cardIds, states), suspended: allIds.length - cardIds.length },
		forecast: dueForecast(
			[...states.values()].filter((state) => !suspended.has(state.id)),
			now,
			settings.dayStartHour,
			FORECAST_DAYS
		),
		calendar: [...perDay].map(([key, count]) => ({ key, count })),
		quizzes: scopes.flatMap(({ id, title }) => {
			const score = best.get(id);
			return score ? [{ scope: id, title, ...score }] : [];
		}),
		interviews: {
			answers: interviews.length,
			average:
				interviews.length === 0
					? null
					: interviews.reduce((sum, answer) => sum + answer.score, 0) / interviews.length
		}
	};
}

/** The Stats page: the learner's statistics, read again whenever progress changes. */
export class StatsPage extends PageModel {
	stats = $state.raw<StatsView | null>(null);

	protected async load(db: StudyDatabase): Promise<void> {
		this.stats = await loadStats(db, app.decks, Date.now());
	}
}
