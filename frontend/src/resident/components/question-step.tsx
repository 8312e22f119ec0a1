import type { ReactNode, Ref } from 'react';
import { TEXT_MAX_LENGTH, type AnswerValue } from '@repere/contract';
import type { PublicQuestion } from '@/resident/api/public-api';
import type { Translate } from '@/resident/lib/messages';

interface QuestionStepProps {
  question: PublicQuestion;
  value: AnswerValue | undefined;
  error: string | null;
  t: Translate;
  headingRef: Ref<HTMLHeadingElement>;
  onChange: (value: AnswerValue | undefined) => void;
}

const CHOICE_TYPES = new Set(['single_choice', 'multiple_choice', 'yes_no', 'scale']);

function scaleRange(question: PublicQuestion): number[] {
  const min = typeof question.min === 'number' ? question.min : 1;
  const max = typeof question.max === 'number' ? question.max : 5;
  const steps: number[] = [];
  for (let step = min; step <= max && steps.length < 101; step += 1) steps.push(step);
  return steps;
}

interface OptionProps {
  type: 'radio' | 'checkbox';
  name: string;
  checked: boolean;
  label: ReactNode;
  onToggle: (checked: boolean) => void;
  className?: string;
  describedBy?: string;
}

function Option({ type, name, checked, label, onToggle, className, describedBy }: OptionProps) {
  return (
    <label className={className ?? 'r-option'}>
      <input
        type={type}
        name={name}
        checked={checked}
        aria-describedby={describedBy}
        onChange={(event) => onToggle(event.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

/**
 * One question on its own screen: a fieldset with its legend for choices, a labelled field for the rest.
 * The questionnaire's strings are isolated (bdi, dir="auto"): a string the translation lacks comes in the default
 * language, and French inside an Arabic page must keep its own direction, or its « ? » lands at the wrong end.
 */
export function QuestionStep({ question, value, error, t, headingRef, onChange }: QuestionStepProps) {
  const base = `q-${question.id}`;
  const helpId = `${base}-help`;
  const errorId = `${base}-error`;
  const endsId = `${base}-ends`;
  const inputId = `${base}-input`;
  const describedBy = [question.help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const preferNot = question.allowPreferNot === true;
  const marker = <span className="r-question__marker">{question.required ? t('required') : t('optional')}</span>;

  const help = question.help ? (
    <p id={helpId} className="r-question__help" dir="auto">
      {question.help}
    </p>
  ) : null;
  const errorMessage = (
    <div className="r-question__error-slot" aria-live="assertive">
      {error ? (
        <p id={errorId} className="r-error">
          {error}
        </p>
      ) : null}
    </div>
  );
  const preferNotRadio = preferNot ? (
    <Option
      type="radio"
      name={question.id}
      checked={value === null}
      className="r-option r-option--prefer-not"
      label={t('preferNot')}
      onToggle={() => onChange(null)}
    />
  ) : null;

  if (CHOICE_TYPES.has(question.type)) {
    let options: ReactNode;
    let ends: ReactNode = null;
    if (question.type === 'single_choice') {
      options = (question.choices ?? []).map((choice) => (
        <Option
          key={choice.code}
          type="radio"
          name={question.id}
          checked={value === choice.code}
          label={<bdi>{choice.label}</bdi>}
          onToggle={() => onChange(choice.code)}
        />
      ));
    } else if (question.type === 'yes_no') {
      options = [true, false].map((answer) => (
        <Option
          key={String(answer)}
          type="radio"
          name={question.id}
          checked={value === answer}
          label={answer ? t('yes') : t('no')}
          onToggle={() => onChange(answer)}
        />
      ));
    } else if (question.type === 'multiple_choice') {
      const selected = Array.isArray(value) ? value : [];
      options = (question.choices ?? []).map((choice) => (
        <Option
          key={choice.code}
          type="checkbox"
          name={question.id}
          checked={selected.includes(choice.code)}
          label={<bdi>{choice.label}</bdi>}
          onToggle={(checked) => {
            const next = checked ? [...selected, choice.code] : selected.filter((code) => code !== choice.code);
            onChange(next.length > 0 ? next : undefined);
          }}
        />
      ));
    } else {
      const steps = scaleRange(question);
      const first = steps[0] ?? 1;
      const last = steps[steps.length - 1] ?? first;
      if (question.minLabel || question.maxLabel) {
        ends = (
          <p id={endsId} className="r-question__help">
            {t('scaleEnds', {
              min: first,
              max: last,
              minLabel: question.minLabel ?? '',
              maxLabel: question.maxLabel ?? '',
            })}
          </p>
        );
      }
      const numeric = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : null;
      options = (
        <div className="r-scale">
          {steps.map((step) => (
            <Option
              key={step}
              type="radio"
              name={question.id}
              checked={numeric === step}
              className="r-scale__step"
              describedBy={ends && (step === first || step === last) ? endsId : undefined}
              label={step}
              onToggle={() => onChange(step)}
            />
          ))}
        </div>
      );
    }
    const fieldsetDescribedBy = [ends ? endsId : null, describedBy].filter(Boolean).join(' ') || undefined;
    return (
      <fieldset className="r-question" aria-describedby={fieldsetDescribedBy}>
        <legend className="r-question__legend">
          <h1 ref={headingRef} tabIndex={-1} className="r-question__label">
            <bdi>{question.label}</bdi> {marker}
          </h1>
        </legend>
        {help}
        {ends}
        <div className="r-options">
          {options}
          {question.type === 'multiple_choice' && preferNot ? (
            <Option
              type="checkbox"
              name={question.id}
              checked={value === null}
              className="r-option r-option--prefer-not"
              label={t('preferNot')}
              onToggle={(checked) => onChange(checked ? null : undefined)}
            />
          ) : (
            preferNotRadio
          )}
        </div>
        {errorMessage}
      </fieldset>
    );
  }

  const declined = value === null;
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  const common = {
    id: inputId,
    name: question.id,
    value: declined ? '' : text,
    disabled: declined,
    required: question.required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  let field: ReactNode;
  switch (question.type) {
    case 'number':
      field = (
        <input
          {...common}
          type="number"
          inputMode="decimal"
          step="any"
          min={question.min ?? undefined}
          max={question.max ?? undefined}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        />
      );
      break;
    case 'date':
      field = <input {...common} type="date" onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)} />;
      break;
    case 'long_text':
      field = (
        <textarea
          {...common}
          rows={5}
          maxLength={TEXT_MAX_LENGTH.long_text}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        />
      );
      break;
    default:
      field = (
        <input
          {...common}
          type="text"
          maxLength={TEXT_MAX_LENGTH.short_text}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        />
      );
  }

  return (
    <div className="r-question">
      <h1 ref={headingRef} tabIndex={-1} className="r-question__label">
        <label htmlFor={inputId}>
          <bdi>{question.label}</bdi> {marker}
        </label>
      </h1>
      {help}
      <div className="r-field">{field}</div>
      {preferNot ? (
        <div className="r-options">
          <Option
            type="checkbox"
            name={`${question.id}-prefer-not`}
            checked={declined}
            className="r-option r-option--prefer-not"
            label={t('preferNot')}
            onToggle={(checked) => onChange(checked ? null : undefined)}
          />
        </div>
      ) : null}
      {errorMessage}
    </div>
  );
}
