import type { StudyScope } from '$lib/srs/scope';
import type { StudyMode } from '$lib/srs/types';

/**
 * Starts tapped on a page's prerendered controls before its page model could act on them (its
 * code still loading, or the learner's counts not read yet), and the cram choice made meanwhile.
 * The page model takes them once it can. Nothing here reaches storage, so every page's first load
 * can carry it.
 */
export const earlyStart = $state<{
	quiz: boolean;
	study: { scope: StudyScope; mode: StudyMode } | null;
	cram: string;
}>({ quiz: false, study: null, cram: '' });

/** Forgets every early start and choice: the page was left before they were taken. */
export function forgetEarlyStarts(): void {
	earlyStart.quiz = false;
	earlyStart.study = null;
	earlyStart.cram = '';
}
