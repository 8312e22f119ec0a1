import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DEMO_PASSWORD, DEMO_USERS } from '@backend/demo/demo-users';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import { EvidenceThumbnailsService } from '@backend/evidence/evidence-thumbnails.service';
import { ImportRunnerService } from '@backend/imports/import-runner.service';
import { ReportRenderService } from '@backend/reports/report-render.service';
import type { Role } from '@backend/users/role';
import { Fixtures, fixtures, OrganizationFixture, PlanFixture, uniqueText, UserFixture, WorkCellFixture } from './support/fixtures';
import { createQuestionnaire } from './support/questionnaire-factory';
import { bearer, startTestApp, TestApp } from './support/test-app';

// Every route × every role, from one table. The policy it states (on purpose not imported from the code):
// all staff read everything but users; admins and evaluators write plans and their parts, indicators, instruments,
// work cells, partnerships and organizations; only admins touch users; a partner edits its own organization and
// the steps of the work cells its organization is part of; the committee only reads, but for evaluations, which it opens,
// assesses and closes with admins and evaluators; anonymous callers get 401 except on the public routes.

type Actor = Role | 'anonymous';
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Table =
  | 'plans'
  | 'orientations'
  | 'objectives'
  | 'actions'
  | 'expected_results'
  | 'indicators'
  | 'instruments'
  | 'work_cells'
  | 'work_steps'
  | 'partnerships'
  | 'organizations'
  | 'users'
  | 'questionnaires'
  | 'responses'
  | 'participation_counts'
  | 'indicator_manual_values'
  | 'evaluations'
  | 'evaluation_assessments'
  | 'imports'
  | 'evidence_files';

const ACTORS: readonly Actor[] = ['admin', 'evaluator', 'partner', 'committee', 'anonymous'];
const STAFF: readonly Role[] = ['admin', 'evaluator', 'partner', 'committee'];
const WRITERS: readonly Role[] = ['admin', 'evaluator'];
const WRITERS_AND_PARTNER: readonly Role[] = ['admin', 'evaluator', 'partner'];
const ADMIN: readonly Role[] = ['admin'];
const EVALUATION_WRITERS: readonly Role[] = ['admin', 'evaluator', 'committee'];
const PUBLIC = 'public';

/** What a case needs to exist before the request: fresh for every write, built once for reads. */
interface Setups {
  none: Record<string, never>;
  plan: PlanFixture;
  organization: OrganizationFixture;
  /** The demo partner's own organization (« Centre communautaire Val-Martin »), restored after the case. */
  partnersOrganization: OrganizationFixture;
  user: UserFixture;
  /** A committee account opened with an invitation link, not used yet. */
  invitation: { userId: string; email: string; token: string };
  /** A work cell the demo partner's organization is not part of. */
  cell: WorkCellFixture;
  /** A work cell the demo partner's organization is part of. */
  partnersCell: WorkCellFixture;
  cellAndOrganization: WorkCellFixture & { newOrganizationId: string };
  /** A published questionnaire (French, one question, no response) of a fresh plan. */
  questionnaire: PlanFixture & { questionnaireId: string };
  /** A questionnaire open to residents, with one optional short-text question, written straight to the database. */
  openQuestionnaire: PlanFixture & { questionnaireId: string; slug: string; questionId: string };
  /** A plan the demo partner's organization is part of: a partner in a work cell of the plan's objective. */
  partnersPlan: PlanFixture & { workCellId: string };
  /** A participation count recorded by the demo partner (for its organization), on an instrument of its plan. */
  partnersCount: PlanFixture & { countId: string };
  /** A participation count recorded by the admin (no organization: not the partner's). */
  count: PlanFixture & { countId: string };
  /** Two counts on one instrument of the partner's plan: one recorded by the demo partner, one by the admin. */
  counts: PlanFixture & { workCellId: string; partnersCountId: string; adminCountId: string };
  /** A manual value of the plan's indicator. */
  manualValue: PlanFixture & { manualValueId: string };
  /** An evaluation of a fresh plan, frozen (open for assessments). */
  evaluation: PlanFixture & { evaluationId: string };
  /** A frozen evaluation with an up-to-date report in each format (French), rendered; `reportId` is the PDF's. */
  reportedEvaluation: PlanFixture & { evaluationId: string; reportId: string };
  /** A plan table uploaded and analysed (ready to confirm), removed after the case. */
  readyImport: { importId: string };
  /** An orientation and an objective with nothing under them: removing them takes no indicator with them. */
  bareParts: PlanFixture & { bareOrientationId: string; bareObjectiveId: string };
  /** A plan, its indicator, a questionnaire of it and an organization, all archived (by an admin's DELETE). */
  archived: PlanFixture & { questionnaireId: string; organizationId: string };
  /** A PDF attached by the admin to the plan's action (the demo partner is not responsible for it). */
  evidence: PlanFixture & { evidenceId: string };
  /** A PNG attached by the admin to the plan's action, with its thumbnail made (as the workers would). */
  imageEvidence: PlanFixture & { evidenceId: string };
  /** A resident's response to an open questionnaire. */
  response: PlanFixture & { questionnaireId: string; responseId: string };
  /** A fresh user of each role, signed in: the actor changes its own password, never a demo user's. */
  ownAccounts: Record<Role, { token: string; password: string }>;
}
type SetupName = keyof Setups;

interface Route<S extends SetupName = SetupName> {
  method: Method;
  /** `:id` is replaced by id(). */
  path: string;
  note?: string;
  allowed: readonly Role[] | typeof PUBLIC;
  setup: S;
  /** The table a write changes: checked unchanged after a refusal, changed after a success. */
  table?: Table;
  /** The success status when it is not the method's usual one. */
  status?: number;
  /** The content type of a success (an image, a file): checked, and the body too when expects() says what it holds. */
  contentType?: string;
  /** What the body of a success holds besides the id (an action such as publish answers with the record). */
  result?: object;
  // Method syntax, so that a Route<'plan'> is also a Route.
  id?(fx: Setups[S]): string;
  /** A path parameter that is not the record the request acts on (a slug, a parent's id). */
  param?(fx: Setups[S]): string;
  body?(fx: Setups[S], marker: string): object;
  /** A body sent as it is (a file), with its content type in headers(). */
  raw?(fx: Setups[S], marker: string): string;
  /** A query string, without its ? (the path stays the OpenAPI one). */
  query?(fx: Setups[S], marker: string): string;
  headers?(): Record<string, string>;
  /** The token to send instead of the demo user's (a route acting on the caller's own account). */
  token?(fx: Setups[S], actor: Role): string;
  /** A DELETE that archives: the row stays, with archived_at set. */
  archives?: boolean;
  /**
   * What the body of a successful GET holds (toMatchObject: arrays match element by element, length included), as
   * this actor sees it; without it, a GET of an id() answers with that record.
   */
  expects?(fx: Setups[S], actor: Role | typeof PUBLIC): object;
}
const route = <S extends SetupName>(r: Route<S>): Route => r;

/** A page of a list holding exactly these records, in this order. */
const only = (...records: object[]) => ({ items: records, total: records.length });
/** A page of a list other files add to at the same time (the plans, the users…), with this record in it. */
const including = (record: object) => ({ items: expect.arrayContaining([expect.objectContaining(record)]) });
const demoEmail = (role: Role | typeof PUBLIC) => DEMO_USERS.find((u) => u.role === role)?.email;
/** The largest page the API gives: a shared list with the case's record on its first page. */
const BIG_PAGE = 'limit=200';

// Bodies carry a marker (a unique text) so that the rows a request writes can be found again.
const ROUTES: Route[] = [
  route({
    method: 'get',
    path: '/api/health',
    allowed: PUBLIC,
    setup: 'none',
    expects: () => ({ status: 'ok', database: 'up', redis: 'up' }),
  }),
  route({
    method: 'post',
    path: '/api/auth/login',
    allowed: PUBLIC,
    setup: 'none',
    status: 200,
    body: () => ({ email: 'comite@demo.repere.org', password: DEMO_PASSWORD }),
  }),
  route({
    method: 'get',
    path: '/api/auth/invitations/:token',
    allowed: PUBLIC,
    setup: 'invitation',
    param: (i) => i.token,
    expects: (i) => ({ email: i.email, role: 'committee' }),
  }),
  route({
    method: 'post',
    path: '/api/auth/invitations/:token',
    allowed: PUBLIC,
    setup: 'invitation',
    status: 200,
    param: (i) => i.token,
    body: () => ({ password: 'une-phrase-de-la-matrice' }),
    result: { accessToken: expect.any(String), user: { invited: false } },
  }),
  route({
    method: 'get',
    path: '/api/auth/me',
    allowed: STAFF,
    setup: 'none',
    expects: (_, actor) => ({ email: demoEmail(actor), role: actor }),
  }),
  route({
    method: 'post',
    path: '/api/auth/password',
    allowed: STAFF,
    setup: 'ownAccounts',
    status: 200,
    token: (a, actor) => a[actor].token,
    body: (a) => ({ currentPassword: a.admin.password, newPassword: 'une-phrase-de-passe-neuve-42' }),
    result: { accessToken: expect.any(String) },
  }),

  route({
    method: 'get',
    path: '/api/plans',
    allowed: STAFF,
    setup: 'plan',
    query: () => BIG_PAGE,
    expects: (p) => including({ id: p.planId }),
  }),
  route({ method: 'get', path: '/api/plans/:id', allowed: STAFF, setup: 'plan', id: (p) => p.planId }),
  route({ method: 'get', path: '/api/plans/:id/tree', allowed: STAFF, setup: 'plan', id: (p) => p.planId }),
  route({
    method: 'get',
    path: '/api/plans/:id/progress',
    allowed: STAFF,
    setup: 'plan',
    id: (p) => p.planId,
    contentType: 'application/json',
    expects: (p) => ({ indicators: [{ id: p.indicatorId }] }),
  }),
  route({
    method: 'get',
    path: '/api/indicators/:id/values',
    allowed: STAFF,
    setup: 'plan',
    id: (p) => p.indicatorId,
    contentType: 'application/json',
  }),
  route({
    method: 'get',
    path: '/api/manual-values',
    allowed: STAFF,
    setup: 'manualValue',
    query: (v) => `indicatorId=${v.indicatorId}`,
    expects: (v) => only({ id: v.manualValueId }),
  }),
  route({
    method: 'get',
    path: '/api/admin/queues',
    allowed: ADMIN,
    setup: 'none',
    expects: () => ({ queues: [{ name: 'aggregation' }, { name: 'system' }] }),
  }),
  route({
    method: 'get',
    path: '/api/audit-events',
    allowed: WRITERS,
    setup: 'plan',
    query: (p) => `entityType=plan&entityId=${p.planId}`,
    expects: (p) => only({ action: 'create', entityType: 'plan', entityId: p.planId, actor: { email: demoEmail('admin'), role: 'admin' } }),
  }),
  route({
    method: 'post',
    path: '/api/manual-values',
    allowed: WRITERS,
    setup: 'plan',
    table: 'indicator_manual_values',
    body: (p, m) => ({ indicatorId: p.indicatorId, date: '2024-03-01', value: 3, evidence: m }),
  }),
  route({
    method: 'post',
    path: '/api/plans',
    allowed: WRITERS,
    setup: 'none',
    table: 'plans',
    body: (_, m) => ({ title: m, startDate: '2024-01-01', endDate: '2025-12-31' }),
  }),
  route({
    method: 'patch',
    path: '/api/plans/:id',
    allowed: WRITERS,
    setup: 'plan',
    table: 'plans',
    id: (p) => p.planId,
    body: (_, m) => ({ title: m }),
  }),
  route({ method: 'delete', path: '/api/plans/:id', allowed: WRITERS, setup: 'plan', table: 'plans', id: (p) => p.planId, archives: true }),
  // Archived things come back only by an admin's hand.
  route({
    method: 'post',
    path: '/api/plans/:id/restore',
    allowed: ADMIN,
    setup: 'archived',
    table: 'plans',
    status: 200,
    id: (a) => a.planId,
    result: { archivedAt: null },
  }),
  route({
    method: 'post',
    path: '/api/indicators/:id/restore',
    allowed: ADMIN,
    setup: 'archived',
    table: 'indicators',
    status: 200,
    id: (a) => a.indicatorId,
    result: { archivedAt: null },
  }),
  route({
    method: 'post',
    path: '/api/questionnaires/:id/restore',
    allowed: ADMIN,
    setup: 'archived',
    table: 'questionnaires',
    status: 200,
    id: (a) => a.questionnaireId,
    result: { archivedAt: null },
  }),
  route({
    method: 'post',
    path: '/api/organizations/:id/restore',
    allowed: ADMIN,
    setup: 'archived',
    table: 'organizations',
    status: 200,
    id: (a) => a.organizationId,
    result: { archivedAt: null },
  }),

  route({
    method: 'get',
    path: '/api/orientations',
    allowed: STAFF,
    setup: 'plan',
    query: (p) => `planId=${p.planId}`,
    expects: (p) => only({ id: p.orientationId }),
  }),
  route({ method: 'get', path: '/api/orientations/:id', allowed: STAFF, setup: 'plan', id: (p) => p.orientationId }),
  route({
    method: 'post',
    path: '/api/orientations',
    allowed: WRITERS,
    setup: 'plan',
    table: 'orientations',
    body: (p, m) => ({ planId: p.planId, number: 2, title: m }),
  }),
  route({
    method: 'patch',
    path: '/api/orientations/:id',
    allowed: WRITERS,
    setup: 'plan',
    table: 'orientations',
    id: (p) => p.orientationId,
    body: (_, m) => ({ title: m }),
  }),
  route({
    method: 'delete',
    path: '/api/orientations/:id',
    allowed: WRITERS,
    setup: 'bareParts',
    table: 'orientations',
    id: (p) => p.bareOrientationId,
  }),

  route({
    method: 'get',
    path: '/api/objectives',
    allowed: STAFF,
    setup: 'plan',
    query: (p) => `planId=${p.planId}`,
    expects: (p) => only({ id: p.objectiveId }),
  }),
  route({ method: 'get', path: '/api/objectives/:id', allowed: STAFF, setup: 'plan', id: (p) => p.objectiveId }),
  route({
    method: 'post',
    path: '/api/objectives',
    allowed: WRITERS,
    setup: 'plan',
    table: 'objectives',
    body: (p, m) => ({ orientationId: p.orientationId, code: '1.2', title: m }),
  }),
  route({
    method: 'patch',
    path: '/api/objectives/:id',
    allowed: WRITERS,
    setup: 'plan',
    table: 'objectives',
    id: (p) => p.objectiveId,
    body: (_, m) => ({ title: m }),
  }),
  route({
    method: 'delete',
    path: '/api/objectives/:id',
    allowed: WRITERS,
    setup: 'bareParts',
    table: 'objectives',
    id: (p) => p.bareObjectiveId,
  }),

  route({
    method: 'get',
    path: '/api/actions',
    allowed: STAFF,
    setup: 'plan',
    query: (p) => `planId=${p.planId}`,
    expects: (p) => only({ id: p.actionId }),
  }),
  route({ method: 'get', path: '/api/actions/:id', allowed: STAFF, setup: 'plan', id: (p) => p.actionId }),
  route({
    method: 'post',
    path: '/api/actions',
    allowed: WRITERS,
    setup: 'plan',
    table: 'actions',
    body: (p, m) => ({
      objectiveId: p.objectiveId,
      description: m,
      schedule: { kind: 'date', date: '2025-03-01', text: 'Mars 2025' },
      values: ['equite'],
    }),
  }),
  route({
    method: 'patch',
    path: '/api/actions/:id',
    allowed: WRITERS,
    setup: 'plan',
    table: 'actions',
    id: (p) => p.actionId,
    body: (_, m) => ({ description: m }),
  }),
  route({ method: 'delete', path: '/api/actions/:id', allowed: WRITERS, setup: 'plan', table: 'actions', id: (p) => p.actionId }),

  route({
    method: 'get',
    path: '/api/expected-results',
    allowed: STAFF,
    setup: 'plan',
    query: (p) => `planId=${p.planId}`,
    expects: (p) => only({ id: p.expectedResultId }),
  }),
  route({ method: 'get', path: '/api/expected-results/:id', allowed: STAFF, setup: 'plan', id: (p) => p.expectedResultId }),
  route({
    method: 'post',
    path: '/api/expected-results',
    allowed: WRITERS,
    setup: 'plan',
    table: 'expected_results',
    body: (p, m) => ({ objectiveId: p.objectiveId, actionId: p.actionId, text: m }),
  }),
  route({
    method: 'patch',
    path: '/api/expected-results/:id',
    allowed: WRITERS,
    setup: 'plan',
    table: 'expected_results',
    id: (p) => p.expectedResultId,
    body: (_, m) => ({ text: m }),
  }),
  route({
    method: 'delete',
    path: '/api/expected-results/:id',
    allowed: WRITERS,
    setup: 'plan',
    table: 'expected_results',
    id: (p) => p.expectedResultId,
  }),

  route({
    method: 'get',
    path: '/api/indicators',
    allowed: STAFF,
    setup: 'plan',
    query: (p) => `planId=${p.planId}`,
    expects: (p) => only({ id: p.indicatorId }),
  }),
  route({
    method: 'get',
    path: '/api/indicators/overview',
    allowed: STAFF,
    setup: 'plan',
    query: (p) => `planId=${p.planId}`,
    expects: (p) => only({ id: p.indicatorId, plan: { id: p.planId }, objective: { id: p.objectiveId } }),
  }),
  route({ method: 'get', path: '/api/indicators/:id', allowed: STAFF, setup: 'plan', id: (p) => p.indicatorId }),
  route({
    method: 'post',
    path: '/api/indicators',
    allowed: WRITERS,
    setup: 'plan',
    table: 'indicators',
    body: (p, m) => ({
      objectiveId: p.objectiveId,
      actionId: p.actionId,
      name: m,
      unit: 'participants',
      finalTarget: 100,
      instrumentIds: [p.instrumentId],
    }),
  }),
  route({
    method: 'patch',
    path: '/api/indicators/:id',
    allowed: WRITERS,
    setup: 'plan',
    table: 'indicators',
    id: (p) => p.indicatorId,
    body: (_, m) => ({ name: m }),
  }),
  route({
    method: 'delete',
    path: '/api/indicators/:id',
    allowed: WRITERS,
    setup: 'plan',
    table: 'indicators',
    id: (p) => p.indicatorId,
    archives: true,
  }),

  route({
    method: 'get',
    path: '/api/instruments',
    allowed: STAFF,
    setup: 'plan',
    query: (p) => `planId=${p.planId}`,
    expects: (p) => only({ id: p.instrumentId }),
  }),
  route({ method: 'get', path: '/api/instruments/:id', allowed: STAFF, setup: 'plan', id: (p) => p.instrumentId }),
  route({
    method: 'post',
    path: '/api/instruments',
    allowed: WRITERS,
    setup: 'plan',
    table: 'instruments',
    body: (p, m) => ({ planId: p.planId, actionId: p.actionId, kind: 'questionnaire', name: m }),
  }),
  route({
    method: 'patch',
    path: '/api/instruments/:id',
    allowed: WRITERS,
    setup: 'plan',
    table: 'instruments',
    id: (p) => p.instrumentId,
    body: (_, m) => ({ name: m }),
  }),
  route({
    method: 'delete',
    path: '/api/instruments/:id',
    allowed: WRITERS,
    setup: 'plan',
    table: 'instruments',
    id: (p) => p.instrumentId,
  }),

  route({
    method: 'get',
    path: '/api/work-cells',
    allowed: STAFF,
    setup: 'cell',
    query: () => BIG_PAGE,
    expects: (c) => including({ id: c.workCellId }),
  }),
  route({ method: 'get', path: '/api/work-cells/:id', allowed: STAFF, setup: 'cell', id: (c) => c.workCellId }),
  route({
    method: 'post',
    path: '/api/work-cells',
    allowed: WRITERS,
    setup: 'none',
    table: 'work_cells',
    body: (_, m) => ({ name: m, mandate: 'Créée par la matrice des rôles' }),
  }),
  route({
    method: 'patch',
    path: '/api/work-cells/:id',
    allowed: WRITERS,
    setup: 'cell',
    table: 'work_cells',
    id: (c) => c.workCellId,
    body: (_, m) => ({ name: m }),
  }),
  route({ method: 'delete', path: '/api/work-cells/:id', allowed: WRITERS, setup: 'cell', table: 'work_cells', id: (c) => c.workCellId }),

  route({
    method: 'post',
    path: '/api/work-steps',
    note: "a cell of the partner's organization",
    allowed: WRITERS_AND_PARTNER,
    setup: 'partnersCell',
    table: 'work_steps',
    body: (c, m) => ({ workCellId: c.workCellId, text: m }),
  }),
  route({
    method: 'post',
    path: '/api/work-steps',
    note: 'another cell',
    allowed: WRITERS,
    setup: 'cell',
    table: 'work_steps',
    body: (c, m) => ({ workCellId: c.workCellId, text: m }),
  }),
  route({
    method: 'patch',
    path: '/api/work-steps/:id',
    note: "a cell of the partner's organization",
    allowed: WRITERS_AND_PARTNER,
    setup: 'partnersCell',
    table: 'work_steps',
    id: (c) => c.workStepId,
    body: (_, m) => ({ text: m, done: true }),
  }),
  route({
    method: 'patch',
    path: '/api/work-steps/:id',
    note: 'another cell',
    allowed: WRITERS,
    setup: 'cell',
    table: 'work_steps',
    id: (c) => c.workStepId,
    body: (_, m) => ({ text: m, done: true }),
  }),
  route({
    method: 'delete',
    path: '/api/work-steps/:id',
    note: "a cell of the partner's organization",
    allowed: WRITERS_AND_PARTNER,
    setup: 'partnersCell',
    table: 'work_steps',
    id: (c) => c.workStepId,
  }),
  route({
    method: 'delete',
    path: '/api/work-steps/:id',
    note: 'another cell',
    allowed: WRITERS,
    setup: 'cell',
    table: 'work_steps',
    id: (c) => c.workStepId,
  }),

  route({
    method: 'post',
    path: '/api/partnerships',
    allowed: WRITERS,
    setup: 'cellAndOrganization',
    table: 'partnerships',
    body: (c, m) => ({ workCellId: c.workCellId, organizationId: c.newOrganizationId, network: 'institutionnel', sector: m }),
  }),
  route({
    method: 'patch',
    path: '/api/partnerships/:id',
    allowed: WRITERS,
    setup: 'cell',
    table: 'partnerships',
    id: (c) => c.partnershipId,
    body: (_, m) => ({ sector: m }),
  }),
  route({
    method: 'delete',
    path: '/api/partnerships/:id',
    allowed: WRITERS,
    setup: 'cell',
    table: 'partnerships',
    id: (c) => c.partnershipId,
  }),

  route({
    method: 'get',
    path: '/api/organizations',
    allowed: STAFF,
    setup: 'organization',
    query: (o) => `search=${encodeURIComponent(o.name)}`,
    expects: (o) => only({ id: o.organizationId, name: o.name }),
  }),
  route({ method: 'get', path: '/api/organizations/:id', allowed: STAFF, setup: 'organization', id: (o) => o.organizationId }),
  // A new organization takes part in no plan yet.
  route({
    method: 'get',
    path: '/api/organizations/:id/plans',
    allowed: STAFF,
    setup: 'organization',
    id: (o) => o.organizationId,
    expects: () => ({ items: [], total: 0 }),
  }),
  route({
    method: 'post',
    path: '/api/organizations',
    allowed: WRITERS,
    setup: 'none',
    table: 'organizations',
    body: (_, m) => ({ name: m, network: 'communautaire' }),
  }),
  route({
    method: 'patch',
    path: '/api/organizations/:id',
    note: "the partner's own organization",
    allowed: WRITERS_AND_PARTNER,
    setup: 'partnersOrganization',
    table: 'organizations',
    id: (o) => o.organizationId,
    body: (_, m) => ({ sector: m }),
  }),
  route({
    method: 'patch',
    path: '/api/organizations/:id',
    note: 'another organization',
    allowed: WRITERS,
    setup: 'organization',
    table: 'organizations',
    id: (o) => o.organizationId,
    body: (_, m) => ({ sector: m }),
  }),
  route({
    method: 'delete',
    path: '/api/organizations/:id',
    allowed: WRITERS,
    setup: 'organization',
    table: 'organizations',
    id: (o) => o.organizationId,
    archives: true,
  }),

  route({
    method: 'get',
    path: '/api/questionnaires',
    allowed: STAFF,
    setup: 'questionnaire',
    query: (q) => `planId=${q.planId}`,
    expects: (q) => only({ id: q.questionnaireId }),
  }),
  route({ method: 'get', path: '/api/questionnaires/:id', allowed: STAFF, setup: 'questionnaire', id: (q) => q.questionnaireId }),
  route({
    method: 'get',
    path: '/api/questionnaires/:id/qr.svg',
    allowed: STAFF,
    setup: 'questionnaire',
    id: (q) => q.questionnaireId,
    contentType: 'image/svg+xml',
  }),
  route({
    method: 'get',
    path: '/api/questionnaires/:id/qr.png',
    allowed: STAFF,
    setup: 'questionnaire',
    id: (q) => q.questionnaireId,
    contentType: 'image/png',
  }),
  route({
    method: 'post',
    path: '/api/questionnaires',
    allowed: WRITERS,
    setup: 'plan',
    table: 'questionnaires',
    body: (p, m) => ({ planId: p.planId, title: { fr: m }, defaultLanguage: 'fr', languages: ['fr'] }),
  }),
  route({
    method: 'patch',
    path: '/api/questionnaires/:id',
    allowed: WRITERS,
    setup: 'questionnaire',
    table: 'questionnaires',
    id: (q) => q.questionnaireId,
    body: (_, m) => ({ title: { fr: m } }),
  }),
  route({
    method: 'delete',
    path: '/api/questionnaires/:id',
    allowed: WRITERS,
    setup: 'questionnaire',
    table: 'questionnaires',
    id: (q) => q.questionnaireId,
    archives: true,
  }),
  route({
    method: 'post',
    path: '/api/questionnaires/:id/ads-block',
    allowed: WRITERS,
    setup: 'questionnaire',
    table: 'questionnaires',
    status: 200,
    id: (q) => q.questionnaireId,
    result: { questions: expect.arrayContaining([expect.objectContaining({ dimension: 'gender' })]) },
  }),
  route({
    method: 'post',
    path: '/api/questionnaires/:id/publish',
    allowed: WRITERS,
    setup: 'questionnaire',
    table: 'questionnaires',
    status: 200,
    id: (q) => q.questionnaireId,
    body: () => ({ closesAt: '2099-12-31T00:00:00.000Z' }),
    result: { status: 'published', closesAt: '2099-12-31T00:00:00.000Z' },
  }),
  route({
    method: 'post',
    path: '/api/questionnaires/:id/close',
    allowed: WRITERS,
    setup: 'questionnaire',
    table: 'questionnaires',
    status: 200,
    id: (q) => q.questionnaireId,
    result: { status: 'closed' },
  }),

  route({
    method: 'get',
    path: '/api/public/questionnaires/:slug',
    allowed: PUBLIC,
    setup: 'openQuestionnaire',
    param: (q) => q.slug,
    expects: (q) => ({ id: q.questionnaireId, slug: q.slug, questions: [{ id: q.questionId }] }),
  }),
  route({
    method: 'post',
    path: '/api/public/questionnaires/:slug/responses',
    allowed: PUBLIC,
    setup: 'openQuestionnaire',
    table: 'responses',
    param: (q) => q.slug,
    headers: () => ({ 'Idempotency-Key': randomUUID() }),
    body: (q, m) => ({ language: 'fr', version: 1, answers: [{ questionId: q.questionId, value: m }] }),
  }),
  route({
    method: 'get',
    path: '/api/questionnaires/:id/responses',
    allowed: WRITERS,
    setup: 'response',
    param: (r) => r.questionnaireId,
    expects: (r) => only({ id: r.responseId }),
  }),
  // Raw responses leave the platform only with those who read them (a notice on the file's first line).
  route({
    method: 'get',
    path: '/api/questionnaires/:id/responses/export',
    allowed: WRITERS,
    setup: 'response',
    param: (r) => r.questionnaireId,
    query: () => 'format=csv',
    contentType: 'text/csv',
  }),
  // The one hard deletion of raw data: an admin's, with a reason.
  route({
    method: 'delete',
    path: '/api/responses/:id',
    allowed: ADMIN,
    setup: 'response',
    table: 'responses',
    id: (r) => r.responseId,
    query: (_, m) => `reason=${m}`,
  }),

  // Partners count only for the instruments of the plans their organization is part of.
  route({
    method: 'post',
    path: '/api/participation-counts',
    note: "an instrument of the partner's plan",
    allowed: WRITERS_AND_PARTNER,
    setup: 'partnersPlan',
    table: 'participation_counts',
    headers: () => ({ 'Idempotency-Key': randomUUID() }),
    body: (p, m) => ({ instrumentId: p.instrumentId, activity: m, date: '2024-08-17', total: 12 }),
  }),
  route({
    method: 'post',
    path: '/api/participation-counts',
    note: "another plan's instrument",
    allowed: WRITERS,
    setup: 'plan',
    table: 'participation_counts',
    headers: () => ({ 'Idempotency-Key': randomUUID() }),
    body: (p, m) => ({ instrumentId: p.instrumentId, activity: m, date: '2024-08-17', total: 12 }),
  }),
  // Partners list their own organization's counts only; the committee reads others' through the disclosure layer.
  route({
    method: 'get',
    path: '/api/participation-counts',
    allowed: STAFF,
    setup: 'counts',
    query: (c) => `instrumentId=${c.instrumentId}`,
    expects: (c, actor) =>
      actor === 'partner'
        ? only({ id: c.partnersCountId, protected: false })
        : only({ id: c.adminCountId, protected: actor === 'committee' }, { id: c.partnersCountId, protected: actor === 'committee' }),
  }),
  route({
    method: 'get',
    path: '/api/participation-counts/:id',
    note: "a count of the partner's organization",
    allowed: STAFF,
    setup: 'partnersCount',
    id: (c) => c.countId,
  }),
  route({
    method: 'get',
    path: '/api/participation-counts/:id',
    note: 'a count of another organization',
    allowed: ['admin', 'evaluator', 'committee'],
    setup: 'count',
    id: (c) => c.countId,
  }),
  route({
    method: 'patch',
    path: '/api/participation-counts/:id',
    note: "a count of the partner's organization",
    allowed: WRITERS_AND_PARTNER,
    setup: 'partnersCount',
    table: 'participation_counts',
    id: (c) => c.countId,
    body: (_, m) => ({ activity: m }),
  }),
  route({
    method: 'patch',
    path: '/api/participation-counts/:id',
    note: 'a count of another organization',
    allowed: WRITERS,
    setup: 'count',
    table: 'participation_counts',
    id: (c) => c.countId,
    body: (_, m) => ({ activity: m }),
  }),
  route({
    method: 'delete',
    path: '/api/participation-counts/:id',
    allowed: WRITERS,
    setup: 'count',
    table: 'participation_counts',
    id: (c) => c.countId,
  }),

  route({
    method: 'get',
    path: '/api/users',
    allowed: ADMIN,
    setup: 'user',
    query: () => BIG_PAGE,
    expects: (u) => including({ id: u.userId, email: u.email }),
  }),
  route({ method: 'get', path: '/api/users/:id', allowed: ADMIN, setup: 'user', id: (u) => u.userId }),
  route({
    method: 'post',
    path: '/api/users',
    allowed: ADMIN,
    setup: 'none',
    table: 'users',
    body: (_, m) => ({ email: `${m}@example.org`, password: 'a-password-of-the-matrix', role: 'committee', displayName: m }),
  }),
  route({
    method: 'patch',
    path: '/api/users/:id',
    allowed: ADMIN,
    setup: 'user',
    table: 'users',
    id: (u) => u.userId,
    body: (_, m) => ({ displayName: m }),
  }),
  route({ method: 'delete', path: '/api/users/:id', allowed: ADMIN, setup: 'user', table: 'users', id: (u) => u.userId }),
  route({
    method: 'post',
    path: '/api/users/:id/reset',
    allowed: ADMIN,
    setup: 'user',
    table: 'users',
    status: 200,
    id: (u) => u.userId,
    body: () => ({ credentials: 'temporary_password' }),
    result: { mustChangePassword: true, temporaryPassword: expect.any(String) },
  }),

  route({
    method: 'post',
    path: '/api/plans/:id/evaluations',
    allowed: EVALUATION_WRITERS,
    setup: 'plan',
    param: (p) => p.planId,
    body: () => ({ kind: 'midterm', cutoff: '2024-03-01' }),
  }),
  route({
    method: 'get',
    path: '/api/plans/:id/evaluations',
    allowed: STAFF,
    setup: 'evaluation',
    param: (e) => e.planId,
    expects: (e) => only({ id: e.evaluationId, state: 'open' }),
  }),
  route({ method: 'get', path: '/api/evaluations/:id', allowed: STAFF, setup: 'evaluation', id: (e) => e.evaluationId }),
  route({
    method: 'put',
    path: '/api/evaluations/:id/assessments/:objectiveId',
    allowed: EVALUATION_WRITERS,
    setup: 'evaluation',
    table: 'evaluation_assessments',
    id: (e) => e.evaluationId,
    param: (e) => e.objectiveId,
    body: (_, m) => ({ rating: 'on_track', comment: m }),
  }),
  route({
    method: 'post',
    path: '/api/evaluations/:id/close',
    allowed: EVALUATION_WRITERS,
    setup: 'evaluation',
    table: 'evaluations',
    status: 200,
    id: (e) => e.evaluationId,
    result: { state: 'closed' },
  }),

  // Reports are read by all staff, as evaluations are; the committee, evaluators and admins have them rendered.
  route({
    method: 'get',
    path: '/api/evaluations/:id/report.pdf',
    allowed: STAFF,
    setup: 'reportedEvaluation',
    id: (e) => e.evaluationId,
    contentType: 'application/pdf',
  }),
  route({
    method: 'get',
    path: '/api/evaluations/:id/report.xlsx',
    allowed: STAFF,
    setup: 'reportedEvaluation',
    id: (e) => e.evaluationId,
    contentType: 'spreadsheetml',
  }),
  route({
    method: 'get',
    path: '/api/evaluations/:id/report.csv',
    allowed: STAFF,
    setup: 'reportedEvaluation',
    id: (e) => e.evaluationId,
    contentType: 'text/csv',
  }),
  route({
    method: 'post',
    path: '/api/evaluations/:id/reports',
    allowed: EVALUATION_WRITERS,
    setup: 'evaluation',
    status: 202,
    param: (e) => e.evaluationId,
    body: () => ({ format: 'pdf', language: 'en' }),
  }),
  route({
    method: 'post',
    path: '/api/plans/:id/activity-reports',
    allowed: EVALUATION_WRITERS,
    setup: 'plan',
    status: 202,
    param: (p) => p.planId,
    body: () => ({ year: 2024 }),
  }),
  route({ method: 'get', path: '/api/reports/:id', allowed: STAFF, setup: 'reportedEvaluation', id: (e) => e.reportId }),
  route({
    method: 'get',
    path: '/api/reports/:id/file',
    allowed: STAFF,
    setup: 'reportedEvaluation',
    id: (e) => e.reportId,
    contentType: 'application/pdf',
  }),

  // Imports write plans, work cells and responses: those who write plans. The file is the body.
  route({
    method: 'post',
    path: '/api/imports',
    allowed: WRITERS,
    setup: 'none',
    table: 'imports',
    status: 202,
    query: (_, m) => `kind=plan&fileName=${m}.txt`,
    headers: () => ({ 'Content-Type': 'text/plain' }),
    raw: () => PLAN_TABLE,
  }),
  route({
    method: 'get',
    path: '/api/imports',
    allowed: WRITERS,
    setup: 'readyImport',
    query: () => `kind=plan&${BIG_PAGE}`,
    expects: (i) => including({ id: i.importId, status: 'ready' }),
  }),
  route({ method: 'get', path: '/api/imports/:id', allowed: WRITERS, setup: 'readyImport', id: (i) => i.importId }),
  route({
    method: 'patch',
    path: '/api/imports/:id',
    allowed: WRITERS,
    setup: 'readyImport',
    table: 'imports',
    status: 202,
    id: (i) => i.importId,
    body: (_, m) => ({ options: { title: m } }),
  }),
  route({
    method: 'post',
    path: '/api/imports/:id/confirm',
    allowed: WRITERS,
    setup: 'readyImport',
    table: 'imports',
    status: 202,
    id: (i) => i.importId,
    result: { status: 'importing' },
  }),
  route({ method: 'delete', path: '/api/imports/:id', allowed: WRITERS, setup: 'readyImport', table: 'imports', id: (i) => i.importId }),

  // Evidence: the file is the body; a partner attaches to its own organization's records; every staff role reads.
  route({
    method: 'post',
    path: '/api/evidence',
    note: "a count of the partner's organization",
    allowed: WRITERS_AND_PARTNER,
    setup: 'partnersCount',
    table: 'evidence_files',
    query: (c, m) => `ownerKind=participation_count&ownerId=${c.countId}&title=${m}&date=2024-08-17`,
    headers: () => ({ 'Content-Type': 'application/pdf' }),
    raw: () => MINUTES_PDF,
  }),
  route({
    method: 'post',
    path: '/api/evidence',
    note: 'a count of another organization',
    allowed: WRITERS,
    setup: 'count',
    table: 'evidence_files',
    query: (c, m) => `ownerKind=participation_count&ownerId=${c.countId}&title=${m}&date=2024-08-17`,
    headers: () => ({ 'Content-Type': 'application/pdf' }),
    raw: () => MINUTES_PDF,
  }),
  route({
    method: 'get',
    path: '/api/evidence',
    allowed: STAFF,
    setup: 'evidence',
    query: (e) => `ownerKind=action&ownerId=${e.actionId}`,
    expects: (e) => [{ id: e.evidenceId, mediaType: 'application/pdf' }],
  }),
  route({ method: 'get', path: '/api/evidence/:id', allowed: STAFF, setup: 'evidence', id: (e) => e.evidenceId }),
  route({
    method: 'get',
    path: '/api/indicators/:id/evidence',
    allowed: STAFF,
    setup: 'evidence',
    id: (e) => e.indicatorId,
    expects: (e) => [{ id: e.evidenceId, ownerKind: 'action' }],
  }),
  route({
    method: 'get',
    path: '/api/evidence/:id/file',
    allowed: STAFF,
    setup: 'evidence',
    id: (e) => e.evidenceId,
    contentType: 'application/pdf',
  }),
  route({
    method: 'get',
    path: '/api/evidence/:id/thumbnail',
    allowed: STAFF,
    setup: 'imageEvidence',
    id: (e) => e.evidenceId,
    contentType: 'image/webp',
  }),
  route({
    method: 'delete',
    path: '/api/evidence/:id',
    allowed: WRITERS,
    setup: 'evidence',
    table: 'evidence_files',
    archives: true,
    id: (e) => e.evidenceId,
  }),
];

/** A 1 × 1 PNG. */
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP4////fwAJ+wP9KobjigAAAABJRU5ErkJggg==';

/** The smallest PDF the evidence upload takes (its type is read from the first bytes). */
const MINUTES_PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

/** The smallest plan table an import takes: a title with its years, an orientation, a header and one row. */
const PLAN_TABLE =
  "Plan d'action 2024-2026\nORIENTATION 1 : Vivre ensemble\nOBJECTIF\tMOYENS-ACTIONS\tÉCHÉANCIER\tINDICATEURS\nS'entraider\tCuisine collective\tMars 2025\tParticipation\n";

const SUCCESS: Record<Method, number> = { get: 200, post: 201, put: 200, patch: 200, delete: 204 };
const ERROR_CODE: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden' };

function expectedStatus(r: Route, actor: Actor): number {
  if (r.allowed !== PUBLIC && actor === 'anonymous') return 401;
  if (r.allowed !== PUBLIC && !r.allowed.includes(actor as Role)) return 403;
  return r.status ?? SUCCESS[r.method];
}

const routeName = (r: Route) => `${r.method.toUpperCase()} ${r.path}${r.note ? ` (${r.note})` : ''}`;

const CASES = ROUTES.flatMap((r) =>
  ACTORS.map((actor) => {
    const status = expectedStatus(r, actor);
    return { title: `${actor}: ${routeName(r)} → ${status}`, route: r, actor, status };
  }),
);

describe('Role matrix: every route for every role', () => {
  let t: TestApp;
  let shared: Fixtures;
  let fresh: Fixtures;
  let partnersOrganizationId: string;
  const readSetups = new Map<SetupName, Promise<Setups[SetupName]>>();

  /** A count recorded through the API with this token, deleted on cleanup. */
  async function recordCount(f: Fixtures, token: string, instrumentId: string): Promise<string> {
    const res = await t
      .http()
      .post('/api/participation-counts')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({ instrumentId, activity: uniqueText('Activité'), date: '2024-08-17', total: 10 })
      .expect(201);
    const id = (res.body as { id: string }).id;
    f.track(`/api/participation-counts/${id}`);
    return id;
  }

  const SETUPS: { [S in SetupName]: (f: Fixtures) => Promise<Setups[S]> } = {
    none: async () => ({}),
    plan: (f) => f.plan(),
    organization: (f) => f.organization(),
    partnersOrganization: (f) => f.existingOrganization(partnersOrganizationId),
    user: (f) => f.user(),
    invitation: async (f) => {
      const email = `${uniqueText('invited')}@example.org`.toLowerCase();
      const res = await t
        .http()
        .post('/api/users')
        .set(bearer(t.tokens.admin))
        .send({ email, role: 'committee', credentials: 'invitation' })
        .expect(201);
      const { id, invitationToken } = res.body as { id: string; invitationToken: string };
      f.track(`/api/users/${id}`);
      return { userId: id, email, token: invitationToken };
    },
    cell: (f) => f.workCell(),
    partnersCell: (f) => f.workCell({ partnerOrganizationId: partnersOrganizationId }),
    cellAndOrganization: async (f) => {
      const { organizationId } = await f.organization();
      return { ...(await f.workCell()), newOrganizationId: organizationId };
    },
    openQuestionnaire: async (f) => {
      const p = await f.plan();
      const questionId = randomUUID();
      const q = await createQuestionnaire(t.db, {
        planId: p.planId,
        languages: ['fr'],
        versions: [[{ id: questionId, type: 'short_text', required: false, label: { fr: 'Un mot ?' } }]],
      });
      return { ...p, questionnaireId: q.questionnaireId, slug: q.slug, questionId };
    },
    partnersPlan: async (f) => {
      const p = await f.plan();
      const { workCellId } = await f.workCell({ partnerOrganizationId: partnersOrganizationId, objectiveId: p.objectiveId });
      return { ...p, workCellId };
    },
    partnersCount: async (f) => {
      const p = await SETUPS.partnersPlan(f);
      return { ...p, countId: await recordCount(f, t.tokens.partner, p.instrumentId) };
    },
    count: async (f) => {
      const p = await f.plan();
      return { ...p, countId: await recordCount(f, t.tokens.admin, p.instrumentId) };
    },
    counts: async (f) => {
      const p = await SETUPS.partnersPlan(f);
      const partnersCountId = await recordCount(f, t.tokens.partner, p.instrumentId);
      return { ...p, partnersCountId, adminCountId: await recordCount(f, t.tokens.admin, p.instrumentId) };
    },
    evidence: async (f) => {
      const p = await f.plan();
      const res = await t
        .http()
        .post('/api/evidence')
        .query({ ownerKind: 'action', ownerId: p.actionId, title: uniqueText('Compte rendu'), date: '2024-03-01' })
        .set(bearer(t.tokens.admin))
        .set('Content-Type', 'application/pdf')
        .send(MINUTES_PDF)
        .expect(201);
      // Removed with the plan (fixtures' purge).
      return { ...p, evidenceId: (res.body as { id: string }).id };
    },
    imageEvidence: async (f) => {
      const p = await f.plan();
      const res = await t
        .http()
        .post('/api/evidence')
        .query({ ownerKind: 'action', ownerId: p.actionId, title: uniqueText('Photo'), date: '2024-03-01' })
        .set(bearer(t.tokens.admin))
        .set('Content-Type', 'image/png')
        .send(Buffer.from(ONE_PIXEL_PNG, 'base64'))
        .expect(201);
      const evidenceId = (res.body as { id: string }).id;
      await t.app.get(EvidenceThumbnailsService).make(evidenceId);
      return { ...p, evidenceId };
    },
    manualValue: async (f) => {
      const p = await f.plan();
      const res = await t
        .http()
        .post('/api/manual-values')
        .set(bearer(t.tokens.admin))
        .send({ indicatorId: p.indicatorId, date: '2024-03-01', value: 3, evidence: uniqueText('Preuve') })
        .expect(201);
      // Removed with the plan's indicator (fixtures' purge).
      return { ...p, manualValueId: (res.body as { id: string }).id };
    },
    evaluation: async (f) => {
      const p = await f.plan();
      const res = await t
        .http()
        .post(`/api/plans/${p.planId}/evaluations`)
        .set(bearer(t.tokens.admin))
        .send({ kind: 'midterm', cutoff: '2024-03-01' })
        .expect(201);
      const evaluationId = (res.body as { id: string }).id;
      await t.app.get(EvaluationFreezerService).freeze(evaluationId);
      return { ...p, evaluationId };
    },
    reportedEvaluation: async (f) => {
      const e = await SETUPS.evaluation(f);
      const ids: string[] = [];
      for (const format of ['pdf', 'xlsx', 'csv']) {
        const res = await t
          .http()
          .post(`/api/evaluations/${e.evaluationId}/reports`)
          .set(bearer(t.tokens.admin))
          .send({ format })
          .expect(202);
        ids.push((res.body as { id: string }).id);
        // What the workers do: none runs on this file's queue prefix (setup/file-prefix.ts), so the job is this call's.
        await expect(t.app.get(ReportRenderService).render(ids[ids.length - 1])).resolves.toBe('ready');
      }
      return { ...e, reportId: ids[0] };
    },
    readyImport: async (f) => {
      const res = await t
        .http()
        .post(`/api/imports?kind=plan&fileName=${uniqueText('plan')}.txt`)
        .set(bearer(t.tokens.admin))
        .set('Content-Type', 'text/plain')
        .send(PLAN_TABLE)
        .expect(202);
      const importId = (res.body as { id: string }).id;
      (f === shared ? sharedImports : imports).push(importId);
      // What the workers do with the analysis job.
      await t.app.get(ImportRunnerService).analyze(importId, 0);
      return { importId };
    },
    bareParts: async (f) => {
      const p = await f.plan();
      const orientation = await t
        .http()
        .post('/api/orientations')
        .set(bearer(t.tokens.admin))
        .send({ planId: p.planId, number: 9, title: uniqueText('Orientation') })
        .expect(201);
      const objective = await t
        .http()
        .post('/api/objectives')
        .set(bearer(t.tokens.admin))
        .send({ orientationId: (orientation.body as { id: string }).id, code: '9.1', title: uniqueText('Objectif') })
        .expect(201);
      return { ...p, bareOrientationId: (orientation.body as { id: string }).id, bareObjectiveId: (objective.body as { id: string }).id };
    },
    archived: async (f) => {
      const q = await SETUPS.questionnaire(f);
      const { organizationId } = await f.organization();
      for (const path of [
        `/api/questionnaires/${q.questionnaireId}`,
        `/api/indicators/${q.indicatorId}`,
        `/api/plans/${q.planId}`,
        `/api/organizations/${organizationId}`,
      ]) {
        await t.http().delete(path).set(bearer(t.tokens.admin)).expect(204);
      }
      return { ...q, organizationId };
    },
    response: async (f) => {
      const q = await SETUPS.openQuestionnaire(f);
      const res = await t
        .http()
        .post(`/api/public/questionnaires/${q.slug}/responses`)
        .set('Idempotency-Key', randomUUID())
        .send({ language: 'fr', version: 1, answers: [{ questionId: q.questionId, value: 'bonjour' }] })
        .expect(201);
      return { ...q, responseId: (res.body as { id: string }).id };
    },
    ownAccounts: async (f) => {
      const accounts = {} as Record<Role, { token: string; password: string }>;
      for (const role of STAFF) {
        const user = await f.user({ role, organizationId: role === 'partner' ? partnersOrganizationId : undefined });
        const res = await t.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
        accounts[role] = { token: (res.body as { accessToken: string }).accessToken, password: user.password };
      }
      return accounts;
    },
    questionnaire: async (f) => {
      const p = await f.plan();
      const res = await t
        .http()
        .post('/api/questionnaires')
        .set(bearer(t.tokens.admin))
        .send({
          planId: p.planId,
          title: { fr: uniqueText('Questionnaire') },
          defaultLanguage: 'fr',
          languages: ['fr'],
          questions: [{ type: 'yes_no', required: true, label: { fr: 'Êtes-vous venu·e ?' } }],
        })
        .expect(201);
      const questionnaireId = (res.body as { id: string }).id;
      f.track(`/api/questionnaires/${questionnaireId}`);
      await t.http().post(`/api/questionnaires/${questionnaireId}/publish`).set(bearer(t.tokens.admin)).expect(200);
      return { ...p, questionnaireId };
    },
  };

  /** Writes get records of their own (a delete must not break the next case); reads share them. */
  function setUp(r: Route): Promise<Setups[SetupName]> {
    if (r.method !== 'get') return SETUPS[r.setup](fresh);
    const built = readSetups.get(r.setup) ?? SETUPS[r.setup](shared);
    readSetups.set(r.setup, built);
    return built;
  }

  function send(
    r: Route,
    actor: Actor,
    id: string | undefined,
    body: object | undefined,
    fx: Setups[SetupName],
    marker: string,
  ): Promise<Response> {
    // A second path parameter (an assessment's objective) is the route's param.
    const path = r.path.replace(/:\w+/, id ?? r.param?.(fx) ?? '').replace(/:\w+/, r.param?.(fx) ?? '');
    const request = t.http()[r.method](r.query ? `${path}?${r.query(fx, marker)}` : path);
    if (r.headers) request.set(r.headers());
    if (actor !== 'anonymous') request.set(bearer(r.token?.(fx, actor) ?? t.tokens[actor]));
    if (r.raw) return request.send(r.raw(fx, marker));
    return body ? request.send(body) : request;
  }

  /** The rows of a table that mention any of the needles (an id of the case's records, the marker), as text. */
  async function rowsMentioning(table: Table | undefined, needles: string[]): Promise<string[]> {
    if (!table) return [];
    const rows = await t.db.query<{ row: string }[]>(
      `SELECT t::text AS row FROM ${table} t WHERE t::text LIKE ANY($1::text[]) ORDER BY 1`,
      [needles.map((n) => `%${n}%`)],
    );
    return rows.map((r) => r.row);
  }

  async function rowExists(table: Table, id: string): Promise<boolean> {
    const [{ n }] = await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table} WHERE id = $1`, [id]);
    return n > 0;
  }

  interface Outcome {
    table?: Table;
    path: string;
    id?: string;
    marker: string;
    res: Response;
    contentType?: string;
    result?: object;
    archives?: boolean;
    /** What the body of a GET holds, when it is not the record of `id`. */
    expected?: object;
  }

  /** What a successful request must have done, by method. */
  const EFFECTS: Record<Method, (o: Outcome) => Promise<void>> = {
    get: async ({ path, id, res, contentType, expected }) => {
      if (contentType) expect(res.headers['content-type']).toMatch(contentType);
      // A file (contentType) is checked by its type; a JSON answer by what it holds.
      const body = expected ?? (id && !contentType ? { id } : undefined);
      if (!body && !contentType) throw new Error(`GET ${path} says neither what it answers (expects) nor which record (id)`);
      if (body) expect(res.body).toMatchObject(body);
    },
    post: async ({ table, path, id, marker, res, result }) => {
      // An action on a record (publish, close…) answers with the record as it now is.
      if (result) {
        expect(res.body).toMatchObject(id ? { id, ...result } : result);
        return;
      }
      if (!table) return; // the login
      fresh.track(`${path}/${(res.body as { id: string }).id}`);
      expect(await rowsMentioning(table, [marker])).toHaveLength(1);
    },
    // A PUT writes (or replaces) the one row the path names.
    put: async ({ table, marker }) => {
      expect(await rowsMentioning(table, [marker])).toHaveLength(1);
    },
    patch: async ({ table, id, marker }) => {
      expect(await rowsMentioning(table, [marker])).toEqual([expect.stringContaining(`(${id},`)]);
    },
    delete: async ({ table, id, archives }) => {
      if (!archives) {
        await expect(rowExists(table as Table, id as string)).resolves.toBe(false);
        return;
      }
      // Archived, not erased: the row is there, marked.
      const rows = await t.db.query<{ archived: boolean }[]>(`SELECT archived_at IS NOT NULL AS archived FROM ${table} WHERE id = $1`, [
        id,
      ]);
      expect(rows).toEqual([{ archived: true }]);
    },
  };

  beforeAll(async () => {
    t = await startTestApp();
    shared = fixtures(t);
    fresh = fixtures(t);
    const me = await t.http().get('/api/auth/me').set(bearer(t.tokens.partner)).expect(200);
    partnersOrganizationId = (me.body as { organizationId: string }).organizationId;
  });
  // Imports a case confirmed cannot be deleted through the API (they are being written): removed here.
  const imports: string[] = [];
  const sharedImports: string[] = [];
  afterEach(async () => {
    await fresh.cleanup();
    await t.db.query('DELETE FROM imports WHERE id = ANY($1)', [imports.splice(0)]);
  });
  afterAll(async () => {
    await t.db.query('DELETE FROM imports WHERE id = ANY($1)', [sharedImports]);
    await shared.cleanup();
    await t.close();
  });

  it('covers every route of the OpenAPI document, and only those', async () => {
    // Arrange
    const tested = new Set(ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
    // Act
    const res = await t.http().get('/api/docs-json').expect(200);
    // Assert
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    const documented = new Set(Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    expect([...tested].sort()).toEqual([...documented].sort());
  });

  describe('an allowed role gets a 2xx and the change is made', () => {
    it.each(CASES.filter((c) => c.status < 400))('$title', async ({ route: r, actor, status }) => {
      // Arrange
      const fx = await setUp(r);
      const marker = uniqueText('matrix');
      const id = r.id?.(fx);
      // Act
      const res = await send(r, actor, id, r.body?.(fx, marker), fx, marker);
      // Assert
      expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
      const expected = r.expects?.(fx, actor === 'anonymous' ? PUBLIC : actor);
      await EFFECTS[r.method]({
        table: r.table,
        path: r.path,
        id,
        marker,
        res,
        contentType: r.contentType,
        result: r.result,
        archives: r.archives,
        expected,
      });
    });
  });

  describe('anyone else gets 401 (no token) or 403 (role or scope) and nothing changes', () => {
    it.each(CASES.filter((c) => c.status >= 400))('$title', async ({ route: r, actor, status }) => {
      // Arrange
      const fx = await setUp(r);
      const marker = uniqueText('matrix');
      const id = r.id?.(fx);
      const needles = [marker, ...Object.values(fx)];
      const before = await rowsMentioning(r.table, needles);
      // Act
      const res = await send(r, actor, id, r.body?.(fx, marker), fx, marker);
      // Assert
      expect({ status: res.status, body: res.body as unknown }).toMatchObject({
        status,
        body: { statusCode: status, code: ERROR_CODE[status] },
      });
      await expect(rowsMentioning(r.table, needles)).resolves.toEqual(before);
    });
  });

  // Read-only or refused requests only: other test files count the demo cells' steps at the same time. The
  // partner's successful writes are the matrix's, on fresh cells its organization is part of.
  describe('the demo partner on the demo work cells', () => {
    const LIAISON = 'Groupe de liaison (Immeubles Val-Martin)';
    const CELL_4_2 = 'Cellule 4.2';
    interface CellDetail {
      id: string;
      name: string;
      steps: { id: string; text: string }[];
      partnerships: { organizationId: string }[];
    }

    async function demoCell(name: string): Promise<CellDetail> {
      const list = await t.http().get('/api/work-cells?limit=200').set(bearer(t.tokens.partner)).expect(200);
      const found = (list.body as { items: { id: string; name: string }[] }).items.find((c) => c.name === name);
      if (!found) throw new Error(`The demo work cell « ${name} » is missing`);
      const res = await t.http().get(`/api/work-cells/${found.id}`).set(bearer(t.tokens.partner)).expect(200);
      return res.body as CellDetail;
    }

    it(`is a partner of « ${LIAISON} » and not of « ${CELL_4_2} »`, async () => {
      // Arrange / Act
      const [liaison, cell42] = await Promise.all([demoCell(LIAISON), demoCell(CELL_4_2)]);
      // Assert
      expect(liaison.partnerships.map((p) => p.organizationId)).toContain(partnersOrganizationId);
      expect(cell42.partnerships.map((p) => p.organizationId)).not.toContain(partnersOrganizationId);
    });

    it(`may not move a step of « ${LIAISON} » into « ${CELL_4_2} »`, async () => {
      // Arrange
      const [liaison, cell42] = await Promise.all([demoCell(LIAISON), demoCell(CELL_4_2)]);
      // Act
      const res = await t
        .http()
        .patch(`/api/work-steps/${liaison.steps[0].id}`)
        .set(bearer(t.tokens.partner))
        .send({ workCellId: cell42.id });
      // Assert
      expect(res.status).toBe(400);
      await expect(demoCell(LIAISON)).resolves.toEqual(liaison);
      await expect(demoCell(CELL_4_2)).resolves.toEqual(cell42);
    });

    it.each([
      { what: 'add a step', send: (c: CellDetail) => t.http().post('/api/work-steps').send({ workCellId: c.id, text: 'Intrusion' }) },
      { what: 'edit a step', send: (c: CellDetail) => t.http().patch(`/api/work-steps/${c.steps[0].id}`).send({ text: 'Intrusion' }) },
      { what: 'remove a step', send: (c: CellDetail) => t.http().delete(`/api/work-steps/${c.steps[0].id}`) },
    ])(`may not $what of « ${CELL_4_2} », which stays as it was`, async ({ send: request }) => {
      // Arrange
      const before = await demoCell(CELL_4_2);
      // Act
      const res = await request(before).set(bearer(t.tokens.partner));
      // Assert
      expect(res.body).toMatchObject({ statusCode: 403, code: 'forbidden' });
      await expect(demoCell(CELL_4_2)).resolves.toEqual(before);
    });
  });
});
