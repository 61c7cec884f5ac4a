/**
 * Finds which key points an answer (typed or transcribed) covers, to pre-tick them for the
 * candidate to confirm. Matching is negation-free on purpose: it matches words and never tries to
 * interpret "not" or "never", so "I did not scale the team" still counts as naming scaling; the
 * candidate confirms or changes every tick before the score is saved.
 */

import { stem } from '$lib/content/words';

/**
 * Words that say nothing about a point: never counted, so no point is ticked from one of them.
 * Kept as stems, since they are looked up among stemmed words ("this" is "thi", "made" "mad").
 */
const COMMON = new Set(
	(
		'a an the and or but if of to in on at by for with from as is are was were be been being it its ' +
		'this that these those they them their there then than so such not no nor do does did done have ' +
		'has had can could will would should may might must i we you he she our your my me us his her ' +
		'what which who whom when where why how all any each every some more most other into about over ' +
		'after before up out also just only very own same one two three says say said gives give names ' +
		'name frames frame shows show explains explain describes describe answer candidate point way ' +
		'thing things make makes made get gets good new work working company team time people'
	)
		.split(' ')
		.map(wordStem)
);

/**
 * Lower case, punctuation out, and each word stemmed as the content checks stem it (`stem` of
 * content/words.ts), so forms of a word meet: "hiring" and "hired", "strategy" and "strategic".
 */
export function wordsOf(text: string): string[] {
	return text
		.toLowerCase()
		.replace(/[’']/g, '')
		.split(/[^a-z0-9%]+/)
		.filter((word) => word.length > 0)
		.map(wordStem);
}

/** `stem`, with a final "e" dropped too, so that "hire" meets "hiring" and "hired". */
function wordStem(word: string): string {
	const stemmed = stem(word);
	return stemmed.length > 3 && stemmed.endsWith('e') ? stemmed.slice(0, -1) : stemmed;
}

/** The words of a point that tell it apart: its stemmed words without the common ones. */
export function distinctiveWords(text: string): string[] {
	return [...new Set(wordsOf(text).filter((word) => !COMMON.has(word) && word.length > 2))];
}

function containsPhrase(answer: readonly string[], phrase: readonly string[]): boolean {
	if (phrase.length === 0) return false;
	for (let start = 0; start + phrase.length <= answer.length; start++) {
		if (phrase.every((word, offset) => answer[start + offset] === word)) return true;
	}
	return false;
}

/**
 * Whether a declared phrase can tick its point: one made of common words only never does (it
 * would tick from any answer, so it is not looked for).
 */
export function phraseCanTick(phrase: string): boolean {
	return tells(wordsOf(phrase));
}

/** Whether stemmed words hold one that is not common. */
function tells(words: readonly string[]): boolean {
	return words.some((word) => !COMMON.has(word));
}

/**
 * Whether an answer covers a point: at least half of the point's distinctive words (and never
 * fewer than two, so one common word is not enough), or one of its declared synonym phrases.
 */
export function coversPoint(
	answer: string,
	point: string,
	synonyms: readonly string[] = []
): boolean {
	const answerWords = wordsOf(answer);
	const present = new Set(answerWords);
	const wanted = distinctiveWords(point);
	const found = wanted.filter((word) => present.has(word)).length;
	if (wanted.length > 0 && found >= Math.max(2, Math.ceil(wanted.length / 2))) return true;
	return synonyms.some((synonym) => {
		const phrase = wordsOf(synonym);
		return tells(phrase) && containsPhrase(answerWords, phrase);
	});
}

/**
 * The indexes of the points an answer covers, in `pointsOf` order. Content points are matched by
 * their words and synonyms. Evidence points are never ticked for the candidate: whether an example
 * or a figure is really their own, and good enough, only they can say (a pre-tick from any digit
 * in the answer would inflate the score the evidence points are there to keep honest).
 */
export function coveredPoints(
	answer: string,
	points: readonly { text: string; evidence: boolean }[],
	synonyms: readonly (readonly string[])[] = []
): number[] {
	if (answer.trim() === '') return [];
	return points.flatMap((point, index) => {
		const covered = !point.evidence && coversPoint(answer, point.text, synonyms[index] ?? []);
		return covered ? [index] : [];
	});
}
