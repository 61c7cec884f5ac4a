import { requestPersistentStorage } from '$lib/pwa/persistence';
import { hasCards } from '$lib/srs/counts';
import { studyDayKey } from '$lib/srs/day';
import type { StudyScope } from '$lib/srs/scope';
import type { StudyMode } from '$lib/srs/types';
import type { StudyDatabase } from '$lib/storage/db';
import { app } from './app.svelte';
import { dueBadge } from './due-badge.svelte';
import { addExtraNew } from './extra-new';
import { earlyStart } from './early-start.svelte';
import { StudySnapshotSchema } from './kept-schemas';
import { forgetSession, keptSession } from './kept-sessions';
import { SessionPage } from './page.svelte';
import { deckOverviews, loadStudyData, type StudyData, type StudyOverview } from './study-data';
import { StudySession } from './study.svelte';

/** What a learner asks to study: a scope (all decks, a deck, a topic) and a mode. */
export interface StudyRequest {
	scope: StudyScope;
	mode: StudyMode;
	/** New cards past today's limits, for a one-deck session ("Study more today"). */
	extraNew?: number;
}

/**
 * The Study page: what each deck has to study today, and the study or cram session. A start
 * tapped on the prerendered picker before the counts were read is taken once they are, if there
 * is anything to study then; after a session, storage is asked to persist.
 */
export class StudyPage extends SessionPage<StudySession, StudyRequest> {
	protected readonly kind = 'study';
	overview = $state.raw<StudyOverview | null>(null);
	/** The data just read, for a start that comes right after (fresher than nothing, read once). */
	#data: StudyData | null = null;
	/** Counts the loads begun, and the latest one shown. */
	#loads = 0;
	#shown = 0;

	protected async load(db: StudyDatabase): Promise<void> {
		const load = ++this.#loads;
		const data = await loadStudyData(db, app.decks);
		// Counting yields between decks, so two loads (the decks changed meanwhile) can interleave:
		// an older one that finishes after a newer one is not shown over it.
		const overview = await deckOverviews(data);
		if (load < this.#shown) return;
		this.#shown = load;
		this.overview = overview;
		dueBadge.due = overview.all.due + overview.all.learning;
		this.#data = data;
	}

	protected override async loaded(): Promise<void> {
		// A page model whose page was left must not take a start tapped on the next visit's picker.
		if (!this.mounted) return;
		// A start tapped on the picker while the counts were unknown: taken now, or dropped when the
		// counts show there is nothing to study (the picker says so).
		const early = earlyStart.study;
		earlyStart.study = null;
		if (early && this.overview && this.#findsCards(this.overview, early)) this.request = early;
		await super.loaded();
		this.#data = null;
	}

	protected async create(db: StudyDatabase, request: StudyRequest): Promise<StudySession> {
		// Fresh states and today's reviews: another tab may have studied meanwhile. Data read a
		// moment ago (for an early start) is fresh enough.
		const { scope, mode, extraNew = 0 } = request;
		if (extraNew > 0 && scope.deck) {
			const day = studyDayKey(Date.now(), app.settings.dayStartHour);
			await addExtraNew(db, day, scope.deck, extraNew);
		}
		// Data read a moment ago is fresh enough, unless the limits just changed.
		const data = this.#data && extraNew === 0 ? this.#data : await loadStudyData(db, app.decks);
		const session = await StudySession.start(data, scope, mode);
		session.onDone = () => void requestPersistentStorage();
		return session;
	}

	protected async resume(db: StudyDatabase): Promise<StudySession | null> {
		// A start asked for on the way here (Today's "Study", a tap on the picker) comes first.
		if (earlyStart.study) {
			await forgetSession(db, 'study');
			return null;
		}
		const kept = await keptSession(db, 'study', StudySnapshotSchema);
		if (!kept) return null;
		const data = this.#data ?? (await loadStudyData(db, app.decks));
		// Yesterday's unfinished session: today's queue is another one, so it is not resumed.
		const today = studyDayKey(data.now(), data.settings.dayStartHour);
		if (kept.summary === null && kept.mode === 'review' && kept.day !== today) {
			await forgetSession(db, 'study');
			return null;
		}
		const session = await StudySession.start(data, kept.scope, kept.mode, { kept });
		session.onDone = () => void requestPersistentStorage();
		return session;
	}

	/** Starts a session: at once, or once the counts are read. */
	begin(scope: StudyScope, mode: StudyMode): void {
		if (this.loading) earlyStart.study = { scope, mode };
		else void this.start({ scope, mode });
	}

	/** Whether a start would find cards, by the counts just read. */
	#findsCards(counts: StudyOverview, { scope, mode }: StudyRequest): boolean {
		if (mode === 'cram') return true;
		const value = scope.deck
			? counts.decks.find((deck) => deck.id === scope.deck)?.counts
			: counts.all;
		return value !== undefined && hasCards(value);
	}
}
