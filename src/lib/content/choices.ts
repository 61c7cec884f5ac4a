import { hashString, seededShuffle } from './hash';
import type { ChoiceItem } from './types';
import { contentStems, formOf, overlap } from './words';

/** Choices in a multiple-choice question: the answer and three distractors. */
export const CHOICES = 4;
const TRUE_FALSE = ['True', 'False'];

/** How choices are compared: two choices that differ only in case or spacing are the same. */
export function normalizeChoice(text: string): string {
	return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** An answer is "much longer" than a distractor when it has this many times its characters. */
export const LENGTH_GIVEAWAY = 1.6;
/** Two explanations this alike (share of content words) can both fit one prompt. */
export const AMBIGUOUS = 0.5;

/**
 * Why a choice question could be answered without knowing the fact, if it could: the answer
 * shares a word with the prompt that no distractor shares, it is much longer than every
 * distractor, or the choices are not of one grammatical form.
 */
export function giveAways(
	prompt: string,
	answer: string,
	distractors: readonly string[]
): string[] {
	const reasons: string[] = [];
	const promptStems = contentStems(prompt);
	const distractorStems = distractors.map((text) => contentStems(text));
	for (const word of contentStems(answer)) {
		if (promptStems.has(word) && !distractorStems.some((stems) => stems.has(word))) {
			reasons.push(`the answer and the prompt share "${word}", no distractor does`);
		}
	}
	const longest = Math.max(...distractors.map((text) => text.length));
	if (distractors.length > 0 && answer.length >= LENGTH_GIVEAWAY * longest) {
		reasons.push(`the answer is much longer than every distractor`);
	}
	const forms = new Set([answer, ...distractors].map(formOf));
	if (forms.size > 1) reasons.push(`the choices are of different forms (${[...forms].join(', ')})`);
	return reasons;
}

/** A candidate for a distractor, with what the notes say of it (to keep out one that fits too). */
export interface Candidate {
	text: string;
	/** What the notes say of this candidate, compared with what they say of the answer. */
	about?: string;
}

/**
 * Up to `count` distractors for `answer`, chosen to make a fair question: never one the notes
 * describe as they describe the answer, then those that give nothing away (the same form, a length
 * like the answer's, the words the answer shares with the prompt), ties broken by the seed.
 */
export function pickDistractors(
	answer: Candidate,
	candidates: readonly Candidate[],
	seed: string,
	prompt = '',
	count = CHOICES - 1
): string[] {
	const seen = new Set([normalizeChoice(answer.text)]);
	const unique: Candidate[] = [];
	for (const candidate of candidates) {
		const key = normalizeChoice(candidate.text);
		if (seen.has(key)) continue;
		seen.add(key);
		if (answer.about && candidate.about && overlap(answer.about, candidate.about) >= AMBIGUOUS) {
			continue;
		}
		unique.push(candidate);
	}
	const shared = [...contentStems(answer.text)].filter((word) => contentStems(prompt).has(word));
	const form = formOf(answer.text);
	const scored = unique.map(({ text }) => {
		const stems = contentStems(text);
		const ratio = Math.max(text.length, 1) / Math.max(answer.text.length, 1);
		return {
			text,
			form: formOf(text) === form ? 0 : 1,
			shares: -shared.filter((word) => stems.has(word)).length,
			length: Math.round(Math.abs(Math.log(ratio)) * 4),
			rank: hashString(`${seed}|${normalizeChoice(text)}`)
		};
	});
	scored.sort(
		(a, b) =>
			a.form - b.form ||
			a.shares - b.shares ||
			a.length - b.length ||
			(a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0)
	);
	return scored.slice(0, count).map(({ text }) => text);
}

/** A multiple-choice question: the answer among its distractors, in an order set by the id. */
export function choiceItem(
	fields: Omit<ChoiceItem, 'kind' | 'choices' | 'answer'>,
	answer: string,
	distractors: string[]
): ChoiceItem {
	const choices = seededShuffle([answer, ...distractors], fields.id);
	return { ...fields, kind: 'mcq', choices, answer: choices.indexOf(answer) };
}

/**
 * A true-or-false statement: the fact as the notes give it, or (about half of the time, by the
 * id) with the value of a sibling that the notes say the least like.
 */
export function trueFalseItem(
	fields: Omit<ChoiceItem, 'kind' | 'choices' | 'answer' | 'prompt'>,
	statement: (shown: string) => string,
	right: string,
	wrongCandidates: readonly string[]
): ChoiceItem {
	const others = wrongCandidates.filter(
		(candidate) => normalizeChoice(candidate) !== normalizeChoice(right)
	);
	const wrong = [...others].sort(
		(a, b) =>
			overlap(right, a) - overlap(right, b) ||
			(hashString(`${fields.id}|${a}`) < hashString(`${fields.id}|${b}`) ? -1 : 1)
	)[0];
	// Whether the statement is true depends only on the id, so it is stable and about half are true.
	const isTrue = wrong === undefined || parseInt(hashString(fields.id).slice(-2), 36) % 2 === 0;
	return {
		...fields,
		kind: 'truefalse',
		prompt: `True or false? ${statement(isTrue ? right : (wrong ?? right))}`,
		choices: TRUE_FALSE,
		answer: isTrue ? 0 : 1
	};
}
