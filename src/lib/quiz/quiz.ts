import { deckOf } from '$lib/content/ids';
import { shuffled } from '$lib/random';
import { siblingKeys } from '$lib/srs/queue';
import { sentenceOf } from '$lib/srs/scope';
import {
	isCardItem,
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

/**
 * Picks the questions of a quiz: one of each kind first (a short quiz still mixes them), then
 * topics take turns, so each topic in scope is asked about as often as any other, however many
 * items it yields (ten famous CTOs do not crowd out the rest). Within a topic the kind asked
 * least so far comes first, no fact is asked twice while another is left, and the final order
 * is random.
 */
export function pickQuestions(
	decks: readonly Deck[],
	options: Omit<QuizOptions, 'length'> & { length: number | 'all' },
	random: () => number
): QuizItem[] {
	const byTopic = new Map<string, QuizItem[]>();
	for (const deck of decks) {
		if (options.deck && deck.id !== options.deck) continue;
		for (const item of deck.items) {
			if (options.topic && item.topic !== options.topic) continue;
			if (!(options.kinds as readonly string[]).includes(item.kind)) continue;
			const key = `${deck.id}/${item.topic}`;
			const list = byTopic.get(key) ?? [];
			list.push(item as QuizItem);
			byTopic.set(key, list);
		}
	}
	const queues = shuffled([...byTopic.values()], random).map((list) => shuffled(list, random));
	const total = queues.reduce((sum, queue) => sum + queue.length, 0);
	const wanted = options.length === 'all' ? total : Math.min(options.length, total);
	const chosen: QuizItem[] = [];
	const facts = new Set<string>();
	const kinds = new Map<string, number>();
	const asked = new Set<QuizItem[]>();
	const choose = (queue: QuizItem[], index: number) => {
		const [item] = queue.splice(index, 1);
		if (!item) return;
		facts.add(item.fact);
		kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
		asked.add(queue);
		chosen.push(item);
	};
	// First one question of each kind, each from another topic where it can be: a short quiz
	// still mixes every kind.
	for (const kind of shuffled(options.kinds, random)) {
		if (chosen.length >= wanted) break;
		const withKind = queues.filter((queue) => queue.some((item) => item.kind === kind));
		const queue = withKind.find((candidate) => !asked.has(candidate)) ?? withKind[0];
		if (!queue) continue;
		const fresh = queue.findIndex((item) => item.kind === kind && !facts.has(item.fact));
		choose(queue, fresh === -1 ? queue.findIndex((item) => item.kind === kind) : fresh);
	}
	// Then topics take turns, those not asked yet first; within a topic, the kind asked least.
	const turns = [
		...queues.filter((queue) => !asked.has(queue)),
		...queues.filter((queue) => asked.has(queue))
	];
	const pick = (queue: QuizItem[], freshFact: boolean): number => {
		let best = -1;
		queue.forEach((item, index) => {
			if (freshFact && facts.has(item.fact)) return;
			const used = kinds.get(item.kind) ?? 0;
			if (best === -1 || used < (kinds.get(queue[best]?.kind ?? '') ?? 0)) best = index;
		});
		return best;
	};
	for (const freshFact of [true, false]) {
		while (chosen.length < wanted) {
			let added = false;
			for (const queue of turns) {
				if (chosen.length >= wanted) break;
				const index = pick(queue, freshFact);
				if (index === -1) continue;
				choose(queue, index);
				added = true;
			}
			// Only when every fact is asked does a second question on a fact come in.
			if (!added) break;
		}
	}
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

/**
 * The steps of an ordering question shuffled far from the right order: no step starts in its right
 * place (a shuffle is drawn again until none does; about one in three is).
 */
export function scrambleSteps(steps: readonly string[], random: () => number): string[] {
	if (steps.length < 2) return [...steps];
	const inPlace = (order: readonly string[]) =>
		order.filter((step, index) => step === steps[index]).length;
	// Steps that repeat a label may have no such order: then the best of a few hundred draws.
	let best = shuffled(steps, random);
	for (let tries = 0; tries < 300 && inPlace(best) > 0; tries++) {
		const order = shuffled(steps, random);
		if (inPlace(order) < inPlace(best)) best = order;
	}
	return best;
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

/**
 * The flashcards to review after a quiz: those teaching the facts of the missed questions, one of
 * each set of siblings (one fact, one sentence), since siblings are never shown on one day: as
 * many as will come first.
 */
export function cardsToReview(
	missed: readonly QuizItem[],
	decks: readonly Deck[]
): { id: string; deck: string }[] {
	const cards = new Map(
		decks.flatMap((deck) => deck.items.filter(isCardItem)).map((item) => [item.id, item])
	);
	const taken = new Set<string>();
	const chosen: { id: string; deck: string }[] = [];
	for (const id of new Set(missed.flatMap((item) => item.cards))) {
		const card = cards.get(id);
		if (!card) continue;
		const keys = siblingKeys({ fact: card.fact, sentence: sentenceOf(deckOf(id), card) });
		if (keys.some((key) => taken.has(key))) continue;
		for (const key of keys) taken.add(key);
		chosen.push({ id, deck: deckOf(id) });
	}
	return chosen;
}
