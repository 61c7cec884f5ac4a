import { newCardState, replayCard } from '$lib/srs/scheduler';
import { State, type CardState, type Review } from '$lib/srs/types';
import { ImportError } from './errors';
import { latestDue, LIMITS } from '$lib/limits';
import type { Backup, BackupSection } from './schema';

/**
 * Checks what the schema cannot see record by record: unique keys, answers to cards the backup
 * has, and interview answers recorded with their scheduled answer, as the app always stores them.
 * @throws ImportError naming the first record that breaks a rule
 */
export function checkRecordsAgree(backup: Backup): void {
	unique('cards', backup.cards, (card) => card.id, 'card id');
	unique('reviews', backup.reviews, (review) => review.id, 'id');
	unique('quizAttempts', backup.quizAttempts, (attempt) => attempt.id, 'id');
	unique('interviewAnswers', backup.interviewAnswers, (answer) => answer.id, 'id');
	unique('reviews', backup.reviews, (review) => review.uid, 'uid');
	unique('quizAttempts', backup.quizAttempts, (attempt) => attempt.uid, 'uid');
	unique('interviewAnswers', backup.interviewAnswers, (answer) => answer.uid, 'uid');
	unique('settings', backup.settings, (setting) => setting.key, 'key');
	const decks = new Map(backup.cards.map((card) => [card.id, card.deck]));
	backup.reviews.forEach((review, index) => {
		// A cram answer may be to a card never scheduled; any other answer moved a stored card state.
		if (review.mode === 'cram') return;
		const deck = decks.get(review.card);
		if (deck === undefined) {
			throw new ImportError(
				`reviews[${index}] is an answer to the card "${review.card}", which has no card state in the backup.`
			);
		}
		if (deck !== review.deck) {
			throw new ImportError(
				`reviews[${index}] says its card "${review.card}" is in the deck "${review.deck}", but the card state says "${deck}".`
			);
		}
	});
	const scored = new Set(
		backup.reviews
			.filter((review) => review.mode === 'interview')
			.map((review) => `${review.card} ${review.deck} ${review.time}`)
	);
	backup.interviewAnswers.forEach((answer, index) => {
		if (!scored.has(`${answer.item} ${answer.deck} ${answer.time}`)) {
			throw new ImportError(
				`interviewAnswers[${index}] is an answer to the question "${answer.item}", but the backup has no scheduled answer to it at the same time. The app always stores the two together.`
			);
		}
	});
}

function unique<T>(
	section: BackupSection,
	records: readonly T[],
	key: (record: T) => string | number | undefined,
	what: string
): void {
	const seen = new Set<string | number>();
	records.forEach((record, index) => {
		const value = key(record);
		// Records from before version 5 have no uid: only those given one must differ.
		if (value === undefined) return;
		if (seen.has(value)) {
			throw new ImportError(
				`${section}[${index}] has the same ${what} (${JSON.stringify(value)}) as an earlier record.`
			);
		}
		seen.add(value);
	});
}

/**
 * Checks every time in the file against the file's own date: nothing happened after the backup
 * was made (but for a little clock skew), and the backup was not made later than this device's
 * clock says it is now. Due dates lie ahead, but never further than ts-fsrs schedules.
 * @param now this device's clock (epoch ms)
 * @throws ImportError naming the first time that cannot be
 */
export function checkTimes(backup: Backup, now: number): void {
	const exportedAt = Date.parse(backup.exportedAt);
	if (exportedAt > now + LIMITS.clockSkewMs) {
		throw new ImportError(
			`This backup says it was made on ${day(exportedAt)}, which is later than this device's clock says it is now (${day(now)}). Check the date and time of both devices, then export and import again.`
		);
	}
	const happened = exportedAt + LIMITS.clockSkewMs;
	const due = latestDue(happened);
	const check = (where: string, time: number | null, latest: number) => {
		if (time === null || time <= latest) return;
		throw new ImportError(
			latest === happened
				? `${where} is dated ${day(time)}, after the backup itself was made (${day(exportedAt)}): no record can be.`
				: `${where} is ${day(time)}, further ahead than the app ever schedules a card.`
		);
	};
	backup.cards.forEach((card, i) => {
		check(`cards[${i}].lastReview`, card.lastReview, happened);
		check(`cards[${i}].requested`, card.requested, happened);
		check(`cards[${i}].due`, card.due, due);
	});
	backup.reviews.forEach((review, i) => {
		check(`reviews[${i}].time`, review.time, happened);
		if (review.mode === 'cram') return;
		check(`reviews[${i}].logDue`, review.logDue, due);
		check(`reviews[${i}].dueBefore`, review.dueBefore, due);
	});
	backup.quizAttempts.forEach((attempt, i) => {
		check(`quizAttempts[${i}].finishedAt`, attempt.finishedAt, happened);
	});
	backup.myAnswers?.forEach((answer, i) => {
		check(`myAnswers[${i}].updatedAt`, answer.updatedAt, happened);
	});
	backup.recordings?.forEach((recording, i) => {
		check(`recordings[${i}].recordedAt`, recording.recordedAt, happened);
	});
	backup.interviewAnswers.forEach((answer, i) => {
		check(`interviewAnswers[${i}].time`, answer.time, happened);
		check(`interviewAnswers[${i}].mock`, answer.mock, happened);
	});
}

/** A time as anyone reads it, the same on every device: "23 November 2026, 09:00 UTC". */
function day(time: number): string {
	const text = new Date(time).toLocaleString('en-GB', {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: 'UTC'
	});
	return `${text} UTC`;
}

/**
 * Holds the backup to the rule that the review log is the record of truth: each card's state, and
 * the state before each of its answers, is what replaying its answers gives (the same replay that
 * tests prove equal to what the app stores). A card without scheduled answers is a new card.
 * Whatever the file says otherwise is rebuilt, and counted.
 * @returns the backup as it will be stored, and how many cards had to be rebuilt
 */
export function rebuildFromLog(backup: Backup): { backup: Backup; rebuilt: number } {
	const byCard = new Map<string, Review[]>();
	for (const review of backup.reviews) {
		if (review.mode === 'cram') continue;
		const list = byCard.get(review.card) ?? [];
		list.push(review);
		byCard.set(review.card, list);
	}
	const given = new Map(backup.reviews.map((review) => [review.id, review]));
	const replayedReviews = new Map<number, Review>();
	let rebuilt = 0;
	const cards = backup.cards.map((card) => {
		const { state, reviews } = replayCard(card, byCard.get(card.id) ?? []);
		const next = state ?? newCard(card);
		let changed = !same(card, next);
		for (const review of reviews) {
			const id = review.id as number;
			const before = given.get(id);
			if (!before || !same(before, review)) changed = true;
			replayedReviews.set(id, review);
		}
		if (changed) rebuilt += 1;
		return changed ? next : card;
	});
	const reviews = backup.reviews.map((review) => {
		const replayed = replayedReviews.get(review.id);
		return replayed ? { ...replayed, id: review.id } : review;
	});
	return { backup: { ...backup, cards, reviews }, rebuilt };
}

/** A card without a scheduled answer: new, its request (if any) kept, due no later than asked. */
function newCard(card: CardState): CardState {
	const fresh = newCardState(card.id, card.deck, card.requested ?? card.due);
	return {
		...fresh,
		// A new card's due date is when it was first stored; keep the file's when it says new.
		due: card.state === State.New ? card.due : fresh.due,
		retired: card.retired,
		requested: card.requested
	};
}

/** Whether two records hold the same fields and values (the order of fields aside). */
function same(a: object, b: object): boolean {
	const left = Object.entries(a);
	const right = b as Record<string, unknown>;
	return (
		left.length === Object.keys(b).length &&
		left.every(([key, value]) => Object.is(value, right[key]))
	);
}
