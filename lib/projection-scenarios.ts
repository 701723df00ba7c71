// The projection scenarios (domain.md §6.9) and the default (§6.10), the one definition: the engine (projection.ts),
// the dashboard, the popup's switch and the protocol's validation all take them from here. A module of its own so the
// popup's first bundle and the protocol carry this list without the projection engine.

export const SCENARIOS = ['now', 'deadline', 'median'] as const;
export type ProjectionScenario = (typeof SCENARIOS)[number];

export const DEFAULT_SCENARIO: ProjectionScenario = 'deadline';
