import type { StudyScope } from '$lib/srs/scope';
import type { StudyMode } from '$lib/srs/types';
import type { StudyOverview } from './study-data';

/**
 * What the Study page's deck picker shows. The picker is prerendered and hydrated once; the page
 * model, whose code loads after it, fills it in here instead of drawing a second picker over it
 * (which cost a long task on a first visit, and lost focus). Nothing here reaches storage, so the
 * page's first load can carry it.
 */
export const studyShell = $state<{
	/** The learner's counts, once read. */
	overview: StudyOverview | null;
	/** Counts are not known yet: a start is kept as an early start. */
	pending: boolean;
	/** A session is on screen instead of the picker. */
	sessionOpen: boolean;
	/** Whether the picker is shown at all (not after a failure to read the counts). */
	shown: boolean;
	/** Starts a session, once the page model is there. */
	begin: ((scope: StudyScope, mode: StudyMode) => void) | null;
	/** Starts a session of a deck with more new cards than today's limits allow. */
	more: ((deck: string, extra: number) => void) | null;
}>({ overview: null, pending: true, sessionOpen: false, shown: true, begin: null, more: null });

/** Back to the prerendered state: the page was left. */
export function resetStudyShell(): void {
	studyShell.overview = null;
	studyShell.pending = true;
	studyShell.sessionOpen = false;
	studyShell.shown = true;
	studyShell.begin = null;
	studyShell.more = null;
}
