// The dashboard as it travels to the popup: in the background's reply to a 'dashboard' message and in the stored
// snapshot. Without the per-day event arrays (only the popup's own reading of the database needs them). Checked on
// arrival by its top-level shape only: the background built it from validated facts, and a deep parse would cost the
// popup's first paint on a large history; what is checked is what tells another shape (an older version) apart.
import type { Dashboard } from './dashboard';

export type ShownDashboard = Omit<Dashboard, 'windowEvents'>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function isShownDashboard(v: unknown): v is ShownDashboard {
  return (
    isObject(v) &&
    typeof v.asOf === 'number' &&
    typeof v.empty === 'boolean' &&
    isObject(v.indicators) &&
    Array.isArray(v.subIndicators) &&
    v.subIndicators.length === 3 &&
    Array.isArray(v.urgent) &&
    isObject(v.composite) &&
    isObject(v.projection) &&
    isObject(v.coverage)
  );
}
