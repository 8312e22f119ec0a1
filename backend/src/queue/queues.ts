/** The contract between the API and the workers: queue names and job payloads (ids only). */
export const SYSTEM_QUEUE = 'system';

export const SystemJob = {
  /** Answered by a live worker process: how `npm start` knows the workers are up. */
  Ping: 'ping',
} as const;

export interface PingPayload {
  sentAt: string;
}

/** Finished jobs are kept for the queue board, within bounds. */
export const JOB_RETENTION = { removeOnComplete: { count: 1000, age: 86_400 }, removeOnFail: { count: 5000 } } as const;

/**
 * Indicator values: recompute one indicator from its raw rows, or every indicator a questionnaire feeds (what new
 * responses change: one read of their months serves them all); reconcile finds what was missed.
 */
export const AGGREGATION_QUEUE = 'aggregation';

export const AggregationJob = {
  Recompute: 'recompute-indicator',
  RecomputeQuestionnaire: 'recompute-questionnaire',
  Reconcile: 'reconcile',
} as const;

export interface RecomputePayload {
  indicatorId: string;
}

export interface RecomputeQuestionnairePayload {
  questionnaireId: string;
}

/** Evaluations: freeze the snapshot of a newly opened evaluation at its cut-off date. */
export const EVALUATION_QUEUE = 'evaluations';

export const EvaluationJob = {
  Freeze: 'freeze-snapshot',
} as const;

export interface FreezePayload {
  evaluationId: string;
}

/** Reports: render a requested report (PDF, XLSX, CSV) and store the file. */
export const REPORT_QUEUE = 'reports';

export const ReportJob = {
  Render: 'render-report',
} as const;

export interface RenderReportPayload {
  reportId: string;
}

/** Imports: read an uploaded file into its preview, then write what it holds once confirmed. */
export const IMPORT_QUEUE = 'imports';

export const ImportJob = {
  Analyze: 'analyze-import',
  Commit: 'commit-import',
} as const;

export interface ImportPayload {
  importId: string;
  /** The options' generation the job was asked for: an older one has nothing left to do. */
  generation: number;
}

/** Evidence: a thumbnail for each image attached, and a sweep for the images whose job was lost (Redis down). */
export const EVIDENCE_QUEUE = 'evidence';

export const EvidenceJob = {
  Thumbnail: 'make-thumbnail',
  Sweep: 'sweep-thumbnails',
} as const;

export interface ThumbnailPayload {
  evidenceId: string;
}
