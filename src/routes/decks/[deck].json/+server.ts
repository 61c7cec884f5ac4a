import { error, json } from '@sveltejs/kit';
import { library } from '$lib/server/library';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => library().decks.map((deck) => ({ deck: deck.id }));

export const GET: RequestHandler = ({ params }) => {
	const deck = library().decks.find((candidate) => candidate.id === params.deck);
	if (!deck) error(404, `No deck "${params.deck}"`);
	return json(deck);
};
