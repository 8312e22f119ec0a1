import type { ReactNode } from 'react';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** Nested trees (objectives inside objectives) need their heading level computed, capped at h6. */
export function nextLevel(level: HeadingLevel, by = 1): HeadingLevel {
  return Math.min(6, level + by) as HeadingLevel;
}

interface HeadingProps {
  level: HeadingLevel;
  className?: string;
  id?: string;
  children: ReactNode;
}

export function Heading({ level, className, id, children }: HeadingProps) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={className} id={id}>
      {children}
    </Tag>
  );
}
