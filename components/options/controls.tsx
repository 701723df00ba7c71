// Shared form controls of the options page: labelled inputs with their error and hint wired through
// aria-describedby / aria-invalid, radio groups in fieldsets, and the per-section 保存 bar with its live status.
import type { ComponentChildren } from 'preact';
import { t } from '@/components/i18n';
import type { FieldMessage } from '@/lib/options/form';
import type { SaveStatus } from './use-settings-form';

function msg(m: FieldMessage): string {
  return t(m.key, ...(m.params ?? []));
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string' && x !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}

interface TextFieldProps {
  id: string;
  label: ComponentChildren;
  value: string;
  onInput: (text: string) => void;
  error?: FieldMessage | undefined;
  /** Unit shown after the input (%, 天, 小时). */
  unit?: string;
  hint?: ComponentChildren;
  /** Extra ids the input is described by (a section warning). */
  describedBy?: string | undefined;
  type?: 'text' | 'date';
  inputMode?: 'decimal' | 'numeric';
  size?: 'xs' | 's' | 'm';
  /** Visually hidden label (tables, where the column header shows it). */
  hiddenLabel?: boolean;
  placeholder?: string;
  max?: string;
}

export function TextField(p: TextFieldProps) {
  const errId = `${p.id}-error`;
  const hintId = `${p.id}-hint`;
  return (
    <div class={`field${p.error ? ' has-error' : ''}`}>
      <label for={p.id} class={p.hiddenLabel ? 'sr-only' : undefined}>
        {p.label}
      </label>
      <span class="input-row">
        <input
          id={p.id}
          name={p.id}
          class={`input-${p.size ?? 's'}`}
          type={(p.type ?? 'text') as 'text'}
          inputMode={p.type === 'date' ? undefined : (p.inputMode ?? 'decimal')}
          autoComplete="off"
          spellcheck={false}
          value={p.value}
          placeholder={p.placeholder}
          max={p.max}
          aria-invalid={p.error ? 'true' : 'false'}
          aria-describedby={describedBy(p.error && errId, p.hint !== undefined && hintId, p.describedBy)}
          onInput={(e) => p.onInput((e.currentTarget as HTMLInputElement).value)}
        />
        {p.unit && (
          <span class="unit" aria-hidden="true">
            {p.unit}
          </span>
        )}
      </span>
      {p.hint !== undefined && (
        <span id={hintId} class="hint">
          {p.hint}
        </span>
      )}
      {p.error && (
        <span id={errId} class="error">
          {msg(p.error)}
        </span>
      )}
    </div>
  );
}

interface RadioOption<T extends string> {
  value: T;
  label: ComponentChildren;
  hint?: ComponentChildren;
}

export function RadioGroup<T extends string>(p: {
  name: string;
  legend: ComponentChildren;
  value: T;
  options: ReadonlyArray<RadioOption<T>>;
  onChange: (value: T) => void;
  description?: ComponentChildren;
}) {
  const descId = `${p.name}-desc`;
  return (
    <fieldset class="radios" aria-describedby={p.description ? descId : undefined}>
      <legend>{p.legend}</legend>
      {p.description && (
        <p id={descId} class="hint">
          {p.description}
        </p>
      )}
      <div class="choices">
        {p.options.map((o) => (
          <label key={o.value} class="choice">
            <input type="radio" name={p.name} value={o.value} checked={p.value === o.value} onChange={() => p.onChange(o.value)} />
            <span>
              {o.label}
              {o.hint && <span class="choice-hint">{o.hint}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Checkbox(p: { id: string; label: ComponentChildren; checked: boolean; onChange: (checked: boolean) => void; hint?: ComponentChildren }) {
  const hintId = `${p.id}-hint`;
  return (
    <div class="check">
      <input
        id={p.id}
        type="checkbox"
        checked={p.checked}
        aria-describedby={p.hint ? hintId : undefined}
        onChange={(e) => p.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={p.id}>{p.label}</label>
      {p.hint && (
        <p id={hintId} class="hint">
          {p.hint}
        </p>
      )}
    </div>
  );
}

function formatClock(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}`;
}

export function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'dirty':
      return t('options_statusDirty');
    case 'saving':
      return t('options_statusSaving');
    case 'saved':
      return t('options_statusSaved', formatClock(status.at));
    case 'invalid':
      return t('options_statusInvalid', String(status.count));
    case 'failed':
      return status.quota ? t('options_statusQuota') : t('options_statusFailed', status.detail);
    case 'note':
      return status.text;
  }
}

/** The 保存 button of a section and its status, announced politely to screen readers. */
export function SaveBar(p: { id: string; status: SaveStatus; label?: string; children?: ComponentChildren }) {
  const cls = p.status.kind === 'failed' || p.status.kind === 'invalid' ? 'status bad' : p.status.kind === 'saved' ? 'status good' : 'status';
  return (
    <div class="save-bar">
      <button type="submit" class="primary" aria-describedby={`${p.id}-status`}>
        {p.label ?? t('options_save')}
      </button>
      {p.children}
      <span id={`${p.id}-status`} class={cls} role="status" aria-live="polite" data-status={p.status.kind}>
        {statusText(p.status)}
      </span>
    </div>
  );
}

/** A section: heading + form, submit = save (Enter in any field saves too). */
export function Section(p: { id: string; title: ComponentChildren; intro?: ComponentChildren; onSubmit: () => void; children: ComponentChildren }) {
  return (
    <section id={p.id} class="card" aria-labelledby={`${p.id}-title`}>
      <h2 id={`${p.id}-title`}>{p.title}</h2>
      {p.intro && <p class="intro">{p.intro}</p>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          p.onSubmit();
        }}
      >
        {p.children}
      </form>
    </section>
  );
}
