import { useTranslation } from 'react-i18next';
import { Heading, nextLevel, type HeadingLevel } from '@/components/heading';
import type { Objective } from '@/features/plans/api/plans-api';
import { ActionCard } from '@/features/plans/components/action-card';
import { byPosition } from '@/features/plans/components/by-position';
import { IndicatorList } from '@/features/plans/components/indicator-list';
import { PlanPart, ResultList } from '@/features/plans/components/plan-part';

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
        <PlanPart className="objective__own" level={sectionLevel} title={t('plans.objectiveResults')}>
          <ResultList results={results} />
        </PlanPart>
      ) : null}

      {objective.indicators.length > 0 ? (
        <PlanPart className="objective__own" level={sectionLevel} title={t('plans.objectiveIndicators')}>
          <IndicatorList indicators={objective.indicators} />
        </PlanPart>
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
