const MAX_SLUG_LENGTH = 64;

/**
 * Turns a heading, term or phrase into an id segment: lower case, ASCII letters and digits joined by
 * hyphens. Case, punctuation and spacing do not change it; words do.
 */
export function slugify(text: string): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= MAX_SLUG_LENGTH) return slug;
	const cut = slug.slice(0, MAX_SLUG_LENGTH);
	const lastHyphen = cut.lastIndexOf('-');
	return lastHyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut;
}
