/** The blank that stands for a hidden phrase in a cloze card's text. */
export const BLANK = '[…]';

/**
 * What stands behind each blank of a cloze card's text, from a list joined by "; " (its answer, or
 * its hints): one each when there are as many as blanks (an imported cloze may hide several
 * phrases); otherwise the first blank stands for the whole list and the others for nothing known.
 */
export function behindBlanks(text: string, joined: string): (string | null)[] {
	const blanks = text.split(BLANK).length - 1;
	const parts = joined.split('; ');
	return Array.from({ length: blanks }, (_, at) =>
		parts.length === blanks ? parts[at]! : at === 0 ? joined : null
	);
}
