import * as v from 'valibot';
import { studyDayKey } from './day';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last study days before an interview are kept for mock interviews and reviews, no new cards. */
export const MOCK_DAYS = 2;

/** What a learner has set about their interview (kept beside the settings). */
export interface InterviewDate {
	/** The day of the interview, `YYYY-MM-DD`. */
	date: string;
	/** Whether the plan sets the daily new-card limit (the learner may turn it off). */
	follow: boolean;
}

/** The days left before an interview and what to do with them. */
export interface InterviewPlan {
	date: string;
	/** Study days before the interview day, today included (0 on the day itself). */
	daysLeft: number;
	/** New cards a day to see every card before the mock-interview days. */
	newPerDay: number;
	/** Whether today is one of the last days, kept for mock interviews. */
	mockDay: boolean;
}

/** An interview date as stored and as a backup file carries it. */
export const InterviewDateSchema = v.strictObject({
	date: v.pipe(
		v.string('must be a date (text)'),
		v.check(isDateKey, 'must be a date such as 2026-12-15')
	),
	follow: v.boolean('must be true or false')
});

/** Whether the plan to this interview sets the day's new cards now: followed, and not yet past. */
export function planSetsNewCards(
	interview: InterviewDate | null,
	now: number,
	dayStartHour: number
): boolean {
	return (
		interview !== null &&
		interview.follow &&
		interviewPlan(interview.date, now, dayStartHour, 0) !== null
	);
}

/** Whether a text is a real calendar date `YYYY-MM-DD`. */
export function isDateKey(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const [year, month, day] = text.split('-').map(Number) as [number, number, number];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whole days from one `YYYY-MM-DD` to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	const utc = (key: string) => {
		const [year, month, day] = key.split('-').map(Number) as [number, number, number];
		return Date.UTC(year, month - 1, day);
	};
	return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/**
 * The plan to an interview: the days left and how many new cards a day see every card (`unseen`)
 * before the last MOCK_DAYS days, which are kept for mock interviews. Null once the date is past.
 */
export function interviewPlan(
	date: string,
	now: number,
	dayStartHour: number,
	unseen: number
): InterviewPlan | null {
	if (!isDateKey(date)) return null;
	const daysLeft = daysBetween(studyDayKey(now, dayStartHour), date);
	if (daysLeft < 0) return null;
	const newDays = Math.max(1, daysLeft - MOCK_DAYS);
	const mockDay = daysLeft <= MOCK_DAYS;
	return {
		date,
		daysLeft,
		newPerDay: mockDay ? 0 : Math.ceil(unseen / newDays),
		mockDay
	};
}
