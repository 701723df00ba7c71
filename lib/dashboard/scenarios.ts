// The projection scenarios the popup offers (domain.md §6.9), apart from lib/dashboard.ts so the popup's first
// bundle does not carry the dashboard computations (the background computes the dashboard).
import type { ProjectionScenario } from '../projection';

export const SCENARIOS: readonly ProjectionScenario[] = ['now', 'deadline', 'median'];
export const DEFAULT_SCENARIO: ProjectionScenario = 'deadline';
