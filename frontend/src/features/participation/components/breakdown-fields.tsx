import { useTranslation } from 'react-i18next';
import { BREAKDOWN_DIMENSIONS, DIMENSION_ORDER, type BreakdownDimension } from '@/features/participation/api/participation-api';
import { dimensionSum, type CountField, type CountForm } from '@/features/participation/components/count-form-state';

interface BreakdownFieldsProps {
  form: CountForm;
  errorFor: (field: CountField) => string | null;
  onChange: (breakdown: CountForm['breakdown']) => void;
}

/** The optional ADS+ breakdown: one group per dimension, with its running sum against the total. */
export function BreakdownFields({ form, errorFor, onChange }: BreakdownFieldsProps) {
  const { t } = useTranslation();
  const filled = DIMENSION_ORDER.some((dimension) => Object.values(form.breakdown[dimension]).some((value) => value.trim() !== ''));
  const anyError = DIMENSION_ORDER.some((dimension) => errorFor(`breakdown.${dimension}`)) || errorFor('breakdown');
  const total = form.total.trim() === '' ? null : Number(form.total);

  const set = (dimension: BreakdownDimension, category: string, value: string): void => {
    onChange({ ...form.breakdown, [dimension]: { ...form.breakdown[dimension], [category]: value } });
  };

  return (
    <details className="breakdown" open={filled || Boolean(anyError) || undefined}>
      <summary>{t('participation.breakdown')}</summary>
      <p className="muted small">{t('participation.breakdownHint')}</p>
      {errorFor('breakdown') ? (
        <p id="count-breakdown-error" className="field__error">
          {errorFor('breakdown')}
        </p>
      ) : null}
      <div className="breakdown__dimensions">
        {DIMENSION_ORDER.map((dimension) => {
          const error = errorFor(`breakdown.${dimension}`);
          const sum = dimensionSum(form, dimension);
          const sumId = `count-breakdown-${dimension}-sum`;
          const errorId = `count-breakdown-${dimension}-error`;
          return (
            <fieldset
              key={dimension}
              className="breakdown__dimension"
              aria-describedby={[sumId, error ? errorId : null].filter(Boolean).join(' ')}
            >
              <legend>{t(`adsDimension.${dimension}`)}</legend>
              <div className="breakdown__cells">
                {BREAKDOWN_DIMENSIONS[dimension].map((category, index) => {
                  const id = index === 0 ? `count-breakdown-${dimension}` : `count-breakdown-${dimension}-${category}`;
                  return (
                    <div key={category} className="field breakdown__cell">
                      <label htmlFor={id}>{t(`adsCategory.${dimension}.${category}` as 'adsCategory.gender.woman')}</label>
                      <input
                        id={id}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        step={1}
                        value={form.breakdown[dimension][category] ?? ''}
                        aria-invalid={error ? true : undefined}
                        onChange={(event) => set(dimension, category, event.target.value)}
                      />
                    </div>
                  );
                })}
              </div>
              <p id={sumId} className="muted small">
                {Number.isNaN(sum) || total === null || Number.isNaN(total)
                  ? t('participation.partsSum', { sum: Number.isNaN(sum) ? '—' : sum })
                  : t('participation.partsOfTotal', { sum, total })}
              </p>
              {error ? (
                <p id={errorId} className="field__error">
                  {error}
                </p>
              ) : null}
            </fieldset>
          );
        })}
      </div>
    </details>
  );
}
