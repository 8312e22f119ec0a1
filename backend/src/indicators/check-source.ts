import { EntityManager, In } from 'typeorm';
import { invalidField } from '@backend/common/errors';
import type { Question } from '@backend/questionnaires/question.types';
import type { IndicatorKind } from './indicator-kind';
import type { IndicatorSource, RatioPart } from './indicator-source';
import { Instrument } from './instrument.entity';

/**
 * What a kind needs from its source, and that what it names belongs to the same plan: a question of the
 * questionnaire, scales for means, participation instruments for sums, a work cell of the plan (and one of its
 * phases) for steps done. The 400 names the field.
 */
export async function checkSource(em: EntityManager, planId: string, kind: IndicatorKind, source: IndicatorSource): Promise<void> {
  if (kind === 'ratio') {
    if (!source.numerator) throw invalidField('source.numerator', 'is required for a ratio');
    if (!source.denominator) throw invalidField('source.denominator', 'is required for a ratio');
    await checkPart(em, planId, source.numerator, 'source.numerator');
    await checkPart(em, planId, source.denominator, 'source.denominator');
    return;
  }
  if (kind === 'work_steps_done') return checkWorkCell(em, planId, source);
  if (source.instrumentIds?.length) await checkInstruments(em, planId, source.instrumentIds, 'source.instrumentIds');
  if (kind === 'answer_share' || kind === 'scale_mean' || (kind === 'response_count' && source.questionId)) {
    if (!source.questionnaireId) throw invalidField('source.questionnaireId', `is required for ${kind}`);
    const questions = await questionsOf(em, planId, source.questionnaireId, 'source.questionnaireId');
    if (!source.questionId) throw invalidField('source.questionId', `is required for ${kind}`);
    const question = questions.find((q) => q.id === source.questionId);
    if (!question) throw invalidField('source.questionId', 'is not a question of this questionnaire');
    if (kind === 'scale_mean' && question.type !== 'scale' && question.type !== 'number') {
      throw invalidField('source.questionId', 'must be a scale or number question for a mean');
    }
    if (kind !== 'scale_mean' && !source.anyOf?.length) throw invalidField('source.anyOf', 'must list the answers that count');
  } else if (source.questionnaireId) {
    await questionsOf(em, planId, source.questionnaireId, 'source.questionnaireId');
  }
}

async function checkPart(em: EntityManager, planId: string, part: RatioPart, field: string): Promise<void> {
  if (part.kind === 'constant' && !(part.value && part.value > 0)) throw invalidField(`${field}.value`, 'must be a positive number');
  if (part.kind === 'response_count') {
    if (!part.questionnaireId) throw invalidField(`${field}.questionnaireId`, 'is required');
    await questionsOf(em, planId, part.questionnaireId, `${field}.questionnaireId`);
  }
  if (part.kind === 'participation_sum') {
    if (!part.instrumentIds?.length) throw invalidField(`${field}.instrumentIds`, 'is required');
    await checkInstruments(em, planId, part.instrumentIds, `${field}.instrumentIds`);
  }
}

async function questionsOf(em: EntityManager, planId: string, questionnaireId: string, field: string): Promise<Question[]> {
  const [row]: { plan_id: string; questions: Question[] }[] = await em.query(
    'SELECT plan_id, questions FROM questionnaires WHERE id = $1',
    [questionnaireId],
  );
  if (!row) throw invalidField(field, `no such questionnaire (${questionnaireId})`);
  if (row.plan_id !== planId) throw invalidField(field, 'belongs to another plan');
  return row.questions;
}

async function checkInstruments(em: EntityManager, planId: string, ids: string[], field: string): Promise<void> {
  const found = await em.findBy(Instrument, { id: In(ids) });
  ids.forEach((id, n) => {
    const instrument = found.find((i) => i.id === id);
    if (!instrument) throw invalidField(`${field}.${n}`, `no such instrument (${id})`);
    if (instrument.planId !== planId) throw invalidField(`${field}.${n}`, 'belongs to another plan');
    if (instrument.kind !== 'participation_count' && instrument.kind !== 'tally')
      throw invalidField(`${field}.${n}`, 'must count participants (participation count or tally)');
  });
}

/** A work cell serving one of the plan's objectives and, if a phase is named, one of its steps' phases. */
async function checkWorkCell(em: EntityManager, planId: string, source: IndicatorSource): Promise<void> {
  if (!source.workCellId) throw invalidField('source.workCellId', 'is required for work_steps_done');
  const [cell]: { plan_id: string | null; phases: (string | null)[] }[] = await em.query(
    `SELECT o.plan_id, array(SELECT DISTINCT s.phase FROM work_steps s WHERE s.work_cell_id = c.id) AS phases
       FROM work_cells c LEFT JOIN objectives o ON o.id = c.objective_id WHERE c.id = $1`,
    [source.workCellId],
  );
  if (!cell) throw invalidField('source.workCellId', `no such work cell (${source.workCellId})`);
  if (cell.plan_id !== planId) throw invalidField('source.workCellId', "does not serve one of this plan's objectives");
  if (source.phase !== undefined && source.phase !== null && !cell.phases.includes(source.phase))
    throw invalidField('source.phase', "is not a phase of this work cell's steps");
}
