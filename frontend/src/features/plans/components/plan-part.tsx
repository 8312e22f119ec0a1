import type { ReactNode } from 'react';
import { Heading, type HeadingLevel } from '@/components/heading';
import type { ExpectedResult } from '@/features/plans/api/plans-api';

interface PlanPartProps {
  className: string;
  level: HeadingLevel;
  title: string;
  children: ReactNode;
}

/** A titled part of an objective or an action (expected results, indicators, follow-up means). */
export function PlanPart({ className, level, title, children }: PlanPartProps) {
  return (
    <div className={className}>
      <Heading level={level} className="subheading">
        {title}
      </Heading>
      {children}
    </div>
  );
}

export function ResultList({ results }: { results: ExpectedResult[] }) {
  return (
    <ul className="bullets">
      {results.map((result) => (
        <li key={result.id}>{result.text}</li>
      ))}
    </ul>
  );
}
