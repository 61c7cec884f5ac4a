import * as v from 'valibot';
import {
	InterviewDateSchema,
	interviewPlan,
	type InterviewDate,
	type InterviewPlan
} from '$lib/srs/plan';
import { unseenCards, type StudyCard } from '$lib/srs/queue';
import { State, type CardState, type Review } from '$lib/srs/types';
import type { Settings } from '$lib/settings';
import type { StudyDatabase } from '$lib/storage/db';
import { INTERVIEW_DATE_META, loadMeta, saveMeta } from '$lib/storage/settings';

const KEY = INTERVIEW_DATE_META;

/** The interview date the learner set, or null (none, or a record that is not one). */
export async function loadInterviewDate(db: StudyDatabase): Promise<InterviewDate | null> {
	const parsed = v.safeParse(InterviewDateSchema, await loadMeta(db, KEY));
	return parsed.success ? parsed.output : null;
}

/** Sets the interview date (null forgets it). */
export function saveInterviewDate(db: StudyDatabase, value: InterviewDate | null): Promise<void> {
	return saveMeta(db, KEY, value);
}

/** The most new cards a day a plan may ask (the setting's own bound). */
const MAX_NEW_PER_DAY = 9999;

/**
 * The plan to the learner's interview, and the settings it makes: while the plan is followed, its
 * new cards a day are the daily new-card limit. The cards still unseen are counted as at the start
 * of the study day, so that the day's figure does not shrink as its new cards are answered.
 * @param reviewsToday the answers of the study day
 */
export async function planAndLimits(
	db: StudyDatabase,
	settings: Settings,
	cards: readonly StudyCard[],
	states: ReadonlyMap<string, CardState>,
	now: number,
	reviewsToday: readonly Review[]
): Promise<{ plan: InterviewPlan | null; interview: InterviewDate | null; settings: Settings }> {
	const interview = await loadInterviewDate(db);
	if (!interview) return { plan: null, interview, settings };
	const startedToday = new Set(
		reviewsToday
			.filter((review) => review.mode === 'review' && review.state === State.New)
			.map((review) => review.card)
	);
	const unseen = unseenCards(cards, states) + startedToday.size;
	const plan = interviewPlan(interview.date, now, settings.dayStartHour, unseen);
	if (!plan || !interview.follow) return { plan, interview, settings };
	const newPerDay = Math.min(plan.newPerDay, MAX_NEW_PER_DAY);
	// The plan's figure may come from any deck: no deck's own limit holds it back.
	const newPerDeck = Math.max(settings.newPerDeck, newPerDay);
	return { plan, interview, settings: { ...settings, newPerDay, newPerDeck } };
}
