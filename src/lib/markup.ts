/** Markup or a script URL: nothing the app stores is ever either, so a backup holding one is refused. */
export const MARKUP = /<\s*[a-z!/?]|javascript\s*:/i;

/**
 * Makes free text the learner typed safe to keep and to export: the starts of tags and script URLs
 * get a look-alike character, so a backup of it is never refused as hostile. (Text is always shown
 * escaped; this is about what a backup may hold.)
 */
export function neutralizeMarkup(text: string): string {
	return text.replace(/<(?=\s*[a-z!/?])/gi, '‹').replace(/(javascript)(\s*):/gi, '$1$2∶');
}
