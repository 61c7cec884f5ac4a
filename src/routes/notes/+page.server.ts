import { deckIndex } from '$lib/content/deck';
import { library } from '$lib/server/library';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ decks: deckIndex(library().decks).decks });
