import type { DemoOrientation, DemoWorkCell } from '@backend/demo/demo-data.types';
import type { ImportProblem } from './import-problem';

/**
 * An action plan's table as read from a file, before anything is written. Its orientations have the shape the
 * demo's transcription has, so one writer stores both, and a test can compare them.
 */
export interface ParsedPlanTable {
  /** The document's own title line (« Plan d'action 2021/2023 »), if it has one. */
  readonly title: string | null;
  /** The date the document gives (« Date : 28.06.2021 ») as YYYY-MM-DD. */
  readonly date: string | null;
  /** The years the title names (« 2021/2023 »). */
  readonly firstYear: number | null;
  readonly lastYear: number | null;
  readonly orientations: readonly DemoOrientation[];
  readonly problems: readonly ImportProblem[];
}

/** A work cell's « fiche synthèse » as read from a file. */
export interface ParsedWorkCell {
  readonly cell: DemoWorkCell | null;
  readonly problems: readonly ImportProblem[];
}
