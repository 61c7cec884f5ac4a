import { library } from '$lib/server/library';
import type { PageServerLoad } from './$types';

/**
 * The published decks' titles and topics, so that the deck list is in the prerendered page and on
 * screen at once; the counts, which come from the learner's stored progress, follow.
 */
export const load: PageServerLoad = () => ({
	decks: library().decks.map(({ id, title, topics }) => ({ id, title, topics }))
});
