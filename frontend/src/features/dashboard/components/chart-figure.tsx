import { useRef, type ReactNode } from 'react';
import { NotForPublicationMark } from '@/components/disclosure-note';
import { Heading, type HeadingLevel } from '@/components/heading';
import { DataTable, type TableModel } from '@/features/dashboard/components/data-table';
import { useChart, type ChartConfiguration, type ChartType } from '@/lib/charts';

export type LegendMark = 'line' | 'dashed' | 'dotted' | 'box' | 'hatch';

export interface LegendItem {
  label: string;
  color: string;
  mark: LegendMark;
}

interface ChartFigureProps<TType extends ChartType> {
  id: string;
  title: string;
  level: HeadingLevel;
  /** The canvas's accessible name: what the chart shows, in a sentence; the numbers are in the table. */
  summary: string;
  config: ChartConfiguration<TType>;
  legend: LegendItem[];
  table: TableModel;
  note?: ReactNode;
  size?: 'normal' | 'tall';
  /** A height of its own (a CSS length), for horizontal bars that grow with their number. */
  height?: string;
  /** True figures: the figure is marked « Ne pas publier » above its title, on screen and on paper. */
  notForPublication?: boolean;
}

/**
 * A chart with its title, a legend in HTML (large, wrapping on a phone, read by screen readers) and, under
 * it, the same numbers as a table that can be copied.
 */
export function ChartFigure<TType extends ChartType>({
  id,
  title,
  level,
  summary,
  config,
  legend,
  table,
  note,
  size = 'normal',
  height,
  notForPublication = false,
}: ChartFigureProps<TType>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useChart(canvas, config);
  const titleId = `${id}-title`;
  return (
    <figure className={notForPublication ? 'chart-figure chart-figure--unpublished' : 'chart-figure'} aria-labelledby={titleId} id={id}>
      {notForPublication ? <NotForPublicationMark as="div" /> : null}
      <Heading level={level} id={titleId} className="chart-figure__title">
        {title}
      </Heading>
      {legend.length > 0 ? (
        <ul className="chart-legend">
          {legend.map((item) => (
            <li key={`${item.mark}-${item.label}`}>
              <span className={`chart-legend__mark chart-legend__mark--${item.mark}`} style={{ color: item.color }} aria-hidden="true" />
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className={size === 'tall' ? 'chart chart--tall' : 'chart'} style={height ? { height } : undefined}>
        <canvas ref={canvas} role="img" aria-label={summary}>
          {summary}
        </canvas>
      </div>
      {note ? <div className="chart-figure__note">{note}</div> : null}
      <DataTable table={table} />
    </figure>
  );
}
