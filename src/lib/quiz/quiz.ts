import {
	QUIZ_KINDS,
	type Deck,
	type MatchPair,
	type QuizItem,
	type QuizKind
} from '$lib/content/types';
import type { QuizAnswerRecord, QuizAttempt } from './types';

/** How many questions a quiz asks. */
export type QuizLength = 10 | 20 | 'all';

/** What to quiz: which decks or topic, how many questions, which kinds. */
export interface QuizOptions {
	deck?: string;
	topic?: string;
	length: QuizLength;
	kinds: readonly QuizKind[];
}

/** The default quiz: all decks, ten questions, every kind. */
export const DEFAULT_QUIZ: QuizOptions = { length: 10, kinds: QUIZ_KINDS };

/** The scope key a quiz is filed under in the history: `all`, a deck id, or `deck/topic`. */
export function quizScope(options: Pick<QuizOptions, 'deck' | 'topic'>): string {
	if (!options.deck) return 'all';
	return options.topic ? `${options.deck}/${options.topic}` : options.deck;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
	}
	return copy;
}

/**
 * Picks the questions of a quiz: kinds are interleaved so a short quiz still mixes them, no fact is
 * asked twice when enough facts exist, and the final order is random.
 */
export function pickQuestions(
	decks: readonly Deck[],
	options: QuizOptions,
	random: () => number
): QuizItem[] {
	const pools = new Map<QuizKind, QuizItem[]>();
	for (const deck of decks) {
		if (options.deck && deck.id !== options.deck) continue;
		for (const item of deck.items) {
			if (options.topic && item.topic !== options.topic) continue;
			if (!(options.kinds as readonly string[]).includes(item.kind)) continue;
			const kind = item.kind as QuizKind;
			const pool = pools.get(kind) ?? [];
			pool.push(item as QuizItem);
			pools.set(kind, pool);
		}
	}
	const queues = [...pools.values()].map((pool) => shuffled(pool, random));
	const total = queues.reduce((sum, queue) => sum + queue.length, 0);
	const wanted = options.length === 'all' ? total : Math.min(options.length, total);
	const chosen: QuizItem[] = [];
	const facts = new Set<string>();
	const skipped: QuizItem[] = [];
	while (chosen.length < wanted && queues.some((queue) => queue.length > 0)) {
		for (const queue of queues) {
			const item = queue.shift();
			if (!item || chosen.length >= wanted) continue;
			if (facts.has(item.fact)) skipped.push(item);
			else {
				facts.add(item.fact);
				chosen.push(item);
			}
		}
	}
	// Only when every fact is already asked does a second question on a fact come in.
	chosen.push(...skipped.slice(0, wanted - chosen.length));
	return shuffled(chosen, random);
}

/** A learner's response to a quiz question. */
export type QuizResponse =
	| { kind: 'choice'; choice: number }
	| { kind: 'order'; steps: string[] }
	| { kind: 'match'; pairs: MatchPair[] };

/** Whether a response answers the question, and, for ordering and matching, which parts were right. */
export interface QuizResult {
	correct: boolean;
	/** Per step or per pair, in the order the learner gave them. */
	parts: boolean[];
}

/** Scores a response. Ordering and matching are right only when every step or pair is. */
export function scoreResponse(item: QuizItem, response: QuizResponse): QuizResult {
	if (item.kind === 'mcq' || item.kind === 'truefalse') {
		const correct = response.kind === 'choice' && response.choice === item.answer;
		return { correct, parts: [correct] };
	}
	if (item.kind === 'order') {
		const steps = response.kind === 'order' ? response.steps : [];
		const parts = item.steps.map((step, index) => steps[index] === step);
		return { correct: steps.length === item.steps.length && parts.every(Boolean), parts };
	}
	if (item.kind !== 'match') return { correct: false, parts: [] };
	const given = response.kind === 'match' ? response.pairs : [];
	const parts = given.map((pair) =>
		item.pairs.some((right) => right.left === pair.left && right.right === pair.right)
	);
	return { correct: given.length === item.pairs.length && parts.every(Boolean), parts };
}

/** The steps of an ordering question in a shuffled order that is never already the right one. */
export function scrambleSteps(steps: readonly string[], random: () => number): string[] {
	if (steps.length < 2) return [...steps];
	let order = shuffled(steps, random);
	while (order.every((step, index) => step === steps[index])) order = shuffled(steps, random);
	return order;
}

/** A quiz's result per topic, for the summary. */
export interface TopicScore {
	deck: string;
	topic: string;
	correct: number;
	total: number;
}

/** Groups answers by deck and topic, in the order topics first appear. */
export function scoresByTopic(answers: readonly QuizAnswerRecord[]): TopicScore[] {
	const byTopic = new Map<string, TopicScore>();
	for (const answer of answers) {
		const key = `${answer.deck}/${answer.topic}`;
		const score = byTopic.get(key) ?? {
			deck: answer.deck,
			topic: answer.topic,
			correct: 0,
			total: 0
		};
		score.total += 1;
		if (answer.correct) score.correct += 1;
		byTopic.set(key, score);
	}
	return [...byTopic.values()];
}

/** Attempts and the best score per scope (`all`, deck id or `deck/topic`). */
export function bestScores(
	attempts: readonly QuizAttempt[]
): Map<string, { best: number; attempts: number }> {
	const scores = new Map<string, { best: number; attempts: number }>();
	for (const attempt of attempts) {
		const rate = attempt.total === 0 ? 0 : attempt.correct / attempt.total;
		const current = scores.get(attempt.scope);
		scores.set(attempt.scope, {
			best: Math.max(current?.best ?? 0, rate),
			attempts: (current?.attempts ?? 0) + 1
		});
	}
	return scores;
}

/** The questions a quiz's answers got wrong. */
export function missedQuestions(
	questions: readonly QuizItem[],
	answers: readonly QuizAnswerRecord[]
): QuizItem[] {
	const missed = new Set(answers.filter((answer) => !answer.correct).map((answer) => answer.item));
	return questions.filter((question) => missed.has(question.id));
}

/** The flashcards to review after a quiz: those teaching the facts of the missed questions. */
export function cardsToReview(missed: readonly QuizItem[]): { id: string; deck: string }[] {
	const ids = new Set(missed.flatMap((item) => item.cards));
	return [...ids].map((id) => ({ id, deck: id.slice(0, id.indexOf('/')) }));
}
