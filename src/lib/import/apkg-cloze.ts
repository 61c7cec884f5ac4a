/**
 * Anki's cloze deletion, `{{c1::answer}}` or `{{c1::answer::hint}}`. Nested deletions are not
 * read apart: the outer one's answer keeps the inner one's markup.
 */
const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** The blank that stands for a hidden answer on the front of a cloze card (U+2026). */
export const CLOZE_BLANK = '[…]';

/** The cloze numbers a note's text uses (c1, c2, …), each once, in order. */
export function clozeNumbers(text: string): number[] {
	const numbers = new Set<number>();
	for (const match of text.matchAll(CLOZE)) {
		const n = Number(match[1]);
		if (n >= 1) numbers.add(n);
	}
	return [...numbers].sort((a, b) => a - b);
}

/**
 * The card for cloze number `n`: its deletions blanked as `[…]` (or `[hint]` when the note gives a
 * hint, as Anki shows it) and every other deletion shown as its answer; the back is the answer, its
 * parts joined when the number is used more than once.
 */
export function clozeCard(text: string, n: number): { front: string; back: string } {
	const answers: string[] = [];
	const front = text.replace(CLOZE, (_whole, number: string, answer: string, hint?: string) => {
		if (Number(number) !== n) return answer;
		answers.push(answer.trim());
		const shown = hint?.trim();
		return shown ? `[${shown}]` : CLOZE_BLANK;
	});
	return { front, back: answers.join(', ') };
}
