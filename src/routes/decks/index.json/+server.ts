import { json } from '@sveltejs/kit';
import { deckIndex } from '$lib/content/deck';
import { library } from '$lib/server/library';

export const prerender = true;

export function GET() {
	return json(deckIndex(library().decks));
}
