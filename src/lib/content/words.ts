// Words as the quality checks and the choice of distractors compare them: lower case, light
// stemming, and the small words that say nothing about a fact left out.

const STOP_WORDS = new Set(
	(
		'a an and are as at be been being but by can could do does for from has have how in into is it ' +
		'its of on or our over per so such than that the their them then there these they this those ' +
		'through to too under up very was we were what when where which while who whom whose why will ' +
		'with without would you your not no all any each every more most other some also only own same ' +
		'both one two three four five ten about after again against before between during out off just ' +
		'new chief technology officer company companies business businesses its role'
	).split(' ')
);

const SUFFIXES = [
	'ation',
	'ition',
	'ment',
	'ness',
	'ive',
	'ion',
	'ity',
	'ate',
	'ic',
	'al',
	'ly',
	'at',
	'it',
	'y',
	'e'
];

/**
 * A word reduced to a comparable stem, so that forms of one word meet: "systems" and "system",
 * "leading" and "lead", "competition" and "competitive", "strategy" and "strategic".
 */
export function stem(word: string): string {
	let w = word.toLowerCase();
	if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
	else if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
	else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
	if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
	else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
	// Two rounds of derivational endings: "competitive" → "competit" → "compet".
	for (let round = 0; round < 2; round++) {
		const suffix = SUFFIXES.find((ending) => w.length - ending.length >= 4 && w.endsWith(ending));
		if (!suffix) break;
		w = w.slice(0, -suffix.length);
	}
	return w;
}

/** Every word of a text, in order, lower case (letters and digits; "ai", "5g", "r&d" kept). */
export function wordsOf(text: string): string[] {
	return (
		text
			.toLowerCase()
			.replace(/’/g, "'")
			.match(/[\p{L}\p{N}][\p{L}\p{N}&'-]*/gu) ?? []
	);
}

/** The stems of the words of a text that say something: no stop words. */
export function contentStems(text: string): Set<string> {
	const stems = new Set<string>();
	for (const word of wordsOf(text)) {
		const clean = word.replace(/['’]s$/, '').replace(/['’-]+$/, '');
		if (clean.length < 2 || STOP_WORDS.has(clean)) continue;
		stems.add(stem(clean));
	}
	return stems;
}

/** How alike two texts are by what they say: the share of content stems they have in common. */
export function overlap(a: string, b: string): number {
	const left = contentStems(a);
	const right = contentStems(b);
	if (left.size === 0 || right.size === 0) return 0;
	let shared = 0;
	for (const word of left) if (right.has(word)) shared += 1;
	return shared / Math.min(left.size, right.size);
}

/**
 * The grammatical form a choice starts with, as far as its first word tells: a number, a name
 * (capitalised), a verb form in -ing, or other lower-case words. Choices of one question share it.
 */
export function formOf(text: string): 'number' | 'name' | 'ing' | 'words' {
	const first = text.trim().split(/\s+/)[0] ?? '';
	if (/^[\d~≈<>]/.test(first)) return 'number';
	if (/^[\p{Lu}]/u.test(first)) return 'name';
	if (/ing$/.test(first.toLowerCase())) return 'ing';
	return 'words';
}
