import { behindBlanks, BLANK } from '$lib/content/blanks';

/** Anki's cloze deletion: `{{c1::answer}}` or `{{c1::answer::hint}}`. */
const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;
/** The same without the global flag, whose `lastIndex` would carry from one test to the next. */
const ANY_CLOZE = new RegExp(CLOZE.source);

/** One card of a cloze note: the text with its phrases hidden, and what they were. */
export interface ClozeDeletion {
	/** Anki's cloze number (`c2` is 2). */
	cloze: number;
	/** The note's text with this number's phrases as `[…]` and every other cloze shown. */
	text: string;
	/** The hidden phrases, in order, joined by `; `. */
	answer: string;
	/** The hints given for them, if any. */
	hint?: string;
}

/** Whether a field holds an Anki cloze deletion. */
export function hasCloze(text: string): boolean {
	return ANY_CLOZE.test(text);
}

/**
 * The cards of an Anki cloze note, one per cloze number in ascending order, as Anki makes them.
 * A `[…]` the note itself holds is written `[...]`, so the only blanks are the hidden phrases.
 */
export function clozeDeletions(note: string): ClozeDeletion[] {
	const text = note.split(BLANK).join('[...]');
	const numbers = new Set<number>();
	for (const match of text.matchAll(CLOZE)) numbers.add(Number(match[1]));
	return [...numbers]
		.sort((a, b) => a - b)
		.map((cloze) => {
			const answers: string[] = [];
			const hints: string[] = [];
			const blanked = text.replace(CLOZE, (_all, number: string, answer: string, hint?: string) => {
				if (Number(number) !== cloze) return answer;
				answers.push(answer.trim());
				if (hint?.trim()) hints.push(hint.trim());
				return BLANK;
			});
			return {
				cloze,
				text: blanked,
				answer: answers.join('; '),
				...(hints.length > 0 ? { hint: hints.join('; ') } : {})
			};
		});
}

/**
 * A cloze card's text as Anki writes a cloze note: each `[…]` as `{{cN::phrase}}` (with its hint,
 * if any). When there are as many phrases in `answer` (split at `; `) as blanks, each blank gets
 * its own; otherwise the first blank gets the whole answer and the rest stay hidden with it.
 */
export function toAnkiCloze(text: string, answer: string, hint?: string, cloze = 1): string {
	const phrases = behindBlanks(text, answer);
	const hints = hint === undefined ? [] : behindBlanks(text, hint);
	return text.split(BLANK).reduce((written, part, index) => {
		if (index === 0) return part;
		const hinted = hints[index - 1];
		const suffix = hinted ? `::${hinted}` : '';
		return `${written}{{c${cloze}::${phrases[index - 1] ?? '…'}${suffix}}}${part}`;
	}, '');
}
