// One settings section's form state: the typed texts, live validation (derived on every render, nothing stored
// until it is valid), and the explicit 保存 action with its visible status.
import { useState } from 'preact/hooks';
import { buildSettings, textsFromSettings, type FieldDef, type FieldErrors, type FieldTexts, type FormOptions } from '@/lib/options/form';
import { describeWriteError, updateSettings } from '@/lib/options/store';
import type { Settings } from '@/lib/settings/settings';
import type { OptionsStore } from './store';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'invalid'; count: number }
  | { kind: 'failed'; quota: boolean; detail: string }
  /** A neutral note, e.g. "defaults restored, press 保存 to apply". */
  | { kind: 'note'; text: string };

class InvalidSection extends Error {}

interface SettingsForm {
  texts: FieldTexts;
  errors: FieldErrors;
  /** The candidate settings when every field is valid (for warnings shown before saving). */
  candidate: Settings | null;
  status: SaveStatus;
  setText(id: string, text: string): void;
  setTexts(texts: FieldTexts): void;
  /** Call after changing a radio/checkbox of the section (its value goes into `patch`). */
  markDirty(): void;
  setStatus(status: SaveStatus): void;
  save(): Promise<void>;
}

interface SettingsFormConfig extends FormOptions {
  fields: readonly FieldDef[];
  /** Applies the section's non-text controls (radios, checkboxes) to a settings draft. */
  patch?: (draft: Settings) => void;
}

function focusField(id: string): void {
  const el = document.getElementById(id);
  if (el instanceof HTMLElement) el.focus();
}

export function useSettingsForm(store: OptionsStore, config: SettingsFormConfig): SettingsForm {
  const [texts, setTextsState] = useState<FieldTexts>(() => textsFromSettings(store.settings.value, config.fields, config));
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const build = (base: Settings) => buildSettings(base, config.fields, texts, config);
  const { errors, settings: candidate } = build(store.settings.value);

  const markDirty = () => setStatus({ kind: 'dirty' });
  return {
    texts,
    errors,
    candidate,
    status,
    setText(id, text) {
      setTextsState((prev) => ({ ...prev, [id]: text }));
      markDirty();
    },
    setTexts(next) {
      setTextsState(next);
    },
    markDirty,
    setStatus,
    async save() {
      const invalid = config.fields.filter((f) => errors[f.id]);
      if (invalid.length > 0) {
        setStatus({ kind: 'invalid', count: invalid.length });
        focusField(invalid[0]!.id);
        return;
      }
      setStatus({ kind: 'saving' });
      try {
        const saved = await updateSettings(store.db, (current) => {
          const r = build(current);
          if (!r.settings) throw new InvalidSection();
          return r.settings;
        });
        store.settings.value = saved;
        setStatus({ kind: 'saved', at: Date.now() });
      } catch (err) {
        if (err instanceof InvalidSection) setStatus({ kind: 'invalid', count: 1 });
        else setStatus({ kind: 'failed', ...describeWriteError(err) });
      }
    },
  };
}
