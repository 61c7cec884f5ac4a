// The bounds of what the app itself can store, and so of what a backup may hold. Each is the
// bound of ts-fsrs 5 (FSRS-6) with the app's parameters, or of a learner's real use; a test
// checks them against ts-fsrs's own constants.

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/**
 * The largest recording kept or carried in a backup, in bytes: over 20 minutes of speech at the
 * recorder's 32 kbit/s, far past any question's clock.
 */
export const MAX_RECORDING_BYTES = 5 * 1024 * 1024;

/** The most characters of a transcript kept: far more than any answer on the clock says. */
export const MAX_TRANSCRIPT_LENGTH = 100_000;

/** The bit rate spoken answers are recorded at: clear speech, about 240 KB a minute. */
export const RECORDING_BITS_PER_SECOND = 32_000;

export const LIMITS = {
	/** November 2026, when the app was first published: no record of it is older. */
	appEpoch: Date.UTC(2026, 10, 1),
	/** No date is later than this, whatever the file says of its own export. */
	latest: Date.UTC(2300, 0, 1),
	/**
	 * How far a record's time may be after the file's `exportedAt`, and a file's `exportedAt` after
	 * this device's clock: clocks are set by hand or drift a little, never by more.
	 */
	clockSkewMs: HOUR,
	/** ts-fsrs's `S_MAX`: stability never grows past 36,500 days. */
	maxStability: 36_500,
	/** ts-fsrs's `default_maximum_interval`: no card is scheduled further ahead, in days. */
	maxIntervalDays: 36_500,
	/** The longest of ts-fsrs's default learning (1 min, 10 min) and relearning (10 min) steps. */
	maxLearningStep: 2,
	/** Time counted for one answer: a card left open for a day counts as an hour (Anki caps at 60 s). */
	maxAnswerMs: HOUR
} as const;

const DAY = 24 * HOUR;

/** The latest due date a card answered at `time` can have. */
export function latestDue(time: number): number {
	return time + LIMITS.maxIntervalDays * DAY;
}

/**
 * Time counted for one answer: how long it was on screen, but at most LIMITS.maxAnswerMs (a card
 * left open overnight was not studied all night).
 */
export function answerDuration(shownAt: number, now: number): number {
	return Math.min(Math.max(0, now - shownAt), LIMITS.maxAnswerMs);
}
