import type { InterviewItem } from '$lib/content/types';
import {
	dueQuestions,
	mockHistory,
	mockQuestions,
	practiceOrder,
	type MockResult
} from '$lib/quiz/interview';
import type { InterviewAnswer } from '$lib/quiz/types';
import type { CardState } from '$lib/srs/types';
import { loadCardStates } from '$lib/storage/cards';
import type { StudyDatabase } from '$lib/storage/db';
import { loadInterviewAnswers } from '$lib/storage/history';
import { app } from './app.svelte';
import { InterviewSession } from './interview.svelte';
import { restored } from './interview-snapshot';
import { InterviewSnapshotSchema } from './kept-schemas';
import { keptSession } from './kept-sessions';
import { SessionPage } from './page.svelte';

/** Before anything is read: no card has a state. */
const NO_STATES: ReadonlyMap<string, CardState> = new Map();

/** The Interview page: practice (due questions first) or a mock interview, and past mocks. */
export class InterviewPage extends SessionPage<InterviewSession, 'practice' | 'mock'> {
	protected readonly kind = 'interview';

	protected async resume(db: StudyDatabase): Promise<InterviewSession | null> {
		const kept = await keptSession(db, 'interview', InterviewSnapshotSchema);
		const parts = kept && restored(this.questions, kept, Date.now());
		if (!parts) return null;
		return new InterviewSession(db, parts.mode, parts.questions, app.settings, Date.now, {
			restore: parts
		});
	}
	states = $state.raw<ReadonlyMap<string, CardState>>(NO_STATES);
	history = $state.raw<InterviewAnswer[]>([]);

	/** Every interview question of every deck (derived: read by each count below). */
	questions: InterviewItem[] = $derived(
		app.decks.flatMap((deck) =>
			deck.items.filter((item): item is InterviewItem => item.kind === 'interview')
		)
	);

	/** Questions due again now. */
	get due(): number {
		return dueQuestions(this.questions, this.states, Date.now());
	}

	/** Questions never answered. */
	get fresh(): number {
		return this.questions.filter((item) => !this.states.has(item.id)).length;
	}

	/** The last five mock interviews, newest first. */
	get mocks(): MockResult[] {
		return mockHistory(this.history).slice(0, 5);
	}

	protected async load(db: StudyDatabase): Promise<void> {
		[this.states, this.history] = await Promise.all([loadCardStates(db), loadInterviewAnswers(db)]);
	}

	/** A take under way is stopped and kept: away, a phone may take the microphone or end the page. */
	protected override hidden(session: InterviewSession): void {
		void session.recordings.current?.stop();
	}

	protected override clockRuns(session: InterviewSession): boolean {
		return session.phase === 'answering' || session.phase === 'follow-up';
	}

	protected async create(db: StudyDatabase, mode: 'practice' | 'mock'): Promise<InterviewSession> {
		const list =
			mode === 'mock'
				? mockQuestions(this.questions, Math.random)
				: practiceOrder(this.questions, await loadCardStates(db), Date.now());
		return new InterviewSession(db, mode, list, app.settings);
	}
}
