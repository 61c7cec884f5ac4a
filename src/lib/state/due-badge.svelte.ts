/**
 * The count on the Study tab: cards due now (reviews and learning), as the page models that count
 * them last found it; null until one has. Nothing here reaches storage, so the page shell (the
 * navigation) can carry it.
 */
export const dueBadge = $state<{ due: number | null }>({ due: null });
