// The demo plans as the seeds write them, transcribed once: users' clones do not carry the seed
// documents, so nothing here is parsed from them at run time.

export interface DemoOrganizationRef {
  readonly name: string;
  readonly acronym?: string;
}

export interface DemoAction {
  readonly description: string;
  readonly scheduleText: string;
  readonly resources: string;
  readonly expectedResults: readonly string[];
  readonly indicators: readonly string[];
  readonly followUps: readonly string[];
}

export interface DemoObjective {
  readonly code: string;
  readonly title: string;
  readonly actions: readonly DemoAction[];
}

export interface DemoOrientation {
  readonly number: number;
  readonly title: string;
  readonly objectives: readonly DemoObjective[];
}

export interface DemoPlan {
  readonly title: string;
  readonly description: string;
  readonly owner: DemoOrganizationRef | null;
  readonly startDate: string;
  readonly endDate: string;
  readonly orientations: readonly DemoOrientation[];
}

export interface DemoWorkStep {
  readonly text: string;
  readonly done: boolean;
  readonly phase: string | null;
  readonly dateText: string | null;
}

export interface DemoPartner {
  /** As written in the seed, with its acronym in parentheses if any. */
  readonly organization: string;
  /** The « Réseau représenté » label as written. */
  readonly network: string;
  readonly sector: string;
}

export interface DemoWorkCell {
  readonly name: string;
  readonly objectiveCode: string;
  /** The sub-objective as the fiche words it. */
  readonly objectiveText: string;
  readonly startDateText: string;
  readonly mandate: string;
  readonly contact: string;
  readonly steps: readonly DemoWorkStep[];
  readonly partners: readonly DemoPartner[];
  readonly partnersNote: string | null;
}
