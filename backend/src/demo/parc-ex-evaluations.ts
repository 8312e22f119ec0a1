import type { DataSource } from 'typeorm';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import type { AuthUser } from '@backend/auth/auth.decorators';
import { appConfig } from '@backend/config/configuration';
import type { AssessmentRating, EvaluationKind } from '@backend/evaluations/evaluation-kind';
import { Evaluation } from '@backend/evaluations/evaluation.entity';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import type { EvaluationQueueService } from '@backend/evaluations/evaluation-queue.service';
import { EvaluationsRepository } from '@backend/evaluations/evaluations.repository';
import { EvaluationsService } from '@backend/evaluations/evaluations.service';
import { Objective } from '@backend/plans/objective.entity';
import type { Plan } from '@backend/plans/plan.entity';
import { User } from '@backend/users/user.entity';

/** The committee's mid-term reading of each objective of the Parc-Extension plan, by code. */
const MIDTERM_ASSESSMENTS: Record<string, { rating: AssessmentRating; comment: string; recommendations: string | null }> = {
  '1.1': {
    rating: 'on_track',
    comment: 'Trois organismes regroupés ; la fréquentation des services remonte d’après le questionnaire.',
    recommendations: 'Poursuivre la collecte du questionnaire sur la fréquentation à l’automne.',
  },
  '2.1': {
    rating: 'at_risk',
    comment: 'Les lettres d’appui sont là, mais aucun lieu n’est acquis : le centre communautaire n’a pas encore de données.',
    recommendations: 'Prévoir un questionnaire aux acteurs du milieu dès l’ouverture du lieu.',
  },
  '3.1': {
    rating: 'on_track',
    comment: 'Le Bureau d’informations est ouvert ; les contacts avec les partenaires et les accompagnements avec interprète progressent.',
    recommendations: null,
  },
  '4.1': {
    rating: 'on_track',
    comment: 'La Journée de Bienvenue et la page « Ici Parc-Ex » gagnent du public chaque année.',
    recommendations: 'Recruter davantage de résidents dans les comités de travail.',
  },
};

async function demoUser(db: DataSource, email: string): Promise<AuthUser> {
  const user = await db.manager.findOneByOrFail(User, { email });
  return { id: user.id, email: user.email, role: user.role, organizationId: user.organizationId };
}

/**
 * The Parc-Extension plan's mid-term evaluation (cut off at its midterm date, assessed and closed by the committee)
 * and its final one (cut off at its end, open for assessment), through EvaluationsService as the API opens them;
 * the freeze the workers would run is run here, at once, by the same EvaluationFreezerService. What it opened.
 */
export async function seedParcExEvaluations(db: DataSource, aggregation: AggregationService, plan: Plan): Promise<string[]> {
  const repository = new EvaluationsRepository(db);
  const freezer = new EvaluationFreezerService(repository, aggregation, appConfig());
  const freezeNow = {
    requestFreeze: async (id: string) => (await freezer.freeze(id)) === 'frozen',
  } as unknown as EvaluationQueueService;
  const evaluations = new EvaluationsService(repository, freezeNow);
  const evaluator = await demoUser(db, 'evaluation@demo.repere.org');
  const committee = await demoUser(db, 'comite@demo.repere.org');
  const exists = (kind: EvaluationKind) => db.manager.existsBy(Evaluation, { planId: plan.id, kind });
  const created: string[] = [];

  if (!(await exists('midterm'))) {
    const midterm = await evaluations.open(plan.id, { kind: 'midterm', cutoff: plan.midtermDate }, evaluator);
    const objectives = await db.manager.findBy(Objective, { planId: plan.id });
    for (const objective of objectives) {
      const assessment = MIDTERM_ASSESSMENTS[objective.code];
      if (assessment) await evaluations.assess(midterm.id, objective.id, assessment, committee);
    }
    await evaluations.close(midterm.id, committee);
    created.push(`mid-term evaluation of « ${plan.title} »`);
  }
  if (!(await exists('final'))) {
    await evaluations.open(plan.id, { kind: 'final', cutoff: plan.endDate }, evaluator);
    created.push(`final evaluation of « ${plan.title} »`);
  }
  return created;
}
