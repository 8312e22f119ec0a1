import { useTranslation } from 'react-i18next';
import { Heading, nextLevel, type HeadingLevel } from '@/components/heading';
import type { Objective } from '@/features/plans/api/plans-api';
import { ActionCard } from '@/features/plans/components/action-card';
import { byPosition } from '@/features/plans/components/by-position';
import { IndicatorList } from '@/features/plans/components/indicator-list';

interface ObjectiveSectionProps {
  objective: Objective;
  level: HeadingLevel;
}

/** An objective with what hangs directly on it, then its actions, then its sub-objectives, nested. */
export function ObjectiveSection({ objective, level }: ObjectiveSectionProps) {
  const { t } = useTranslation();
  const headingId = `objective-${objective.id}`;
  const results = byPosition(objective.expectedResults);
  const sectionLevel = nextLevel(level);
  return (
    <section className={objective.parentId ? 'objective objective--sub' : 'objective'} aria-labelledby={headingId}>
      <Heading level={level} id={headingId} className="objective__title">
        <span className="code">{objective.code}</span> {objective.title}
      </Heading>

      {results.length > 0 ? (
        <div className="objective__own">
          <Heading level={sectionLevel} className="subheading">
            {t('plans.objectiveResults')}
          </Heading>
          <ul className="bullets">
            {results.map((result) => (
              <li key={result.id}>{result.text}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {objective.indicators.length > 0 ? (
        <div className="objective__own">
          <Heading level={sectionLevel} className="subheading">
            {t('plans.objectiveIndicators')}
          </Heading>
          <IndicatorList indicators={objective.indicators} />
        </div>
      ) : null}

      {byPosition(objective.actions).map((action, index) => (
        <ActionCard key={action.id} action={action} number={index + 1} level={sectionLevel} />
      ))}

      {byPosition(objective.objectives).map((child) => (
        <ObjectiveSection key={child.id} objective={child} level={sectionLevel} />
      ))}
    </section>
  );
}
