import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiError } from '@backend/common/errors';
import { QuestionnaireVersion } from './questionnaire-version.entity';
import { Questionnaire } from './questionnaire.entity';

export interface OpenQuestionnaire {
  questionnaire: Questionnaire;
  version: QuestionnaireVersion;
  /** The questionnaire or its plan is archived: residents get 410. */
  archived?: boolean;
}

// Residents' pages and the ingest ask for the same few questionnaires thousands of times a minute: a short
// cache keeps that off the database while a close or a new version still shows within a second.
const TTL_MS = 1000;

/** Resolves a public slug to the questionnaire and the version residents answer now; 404 unknown, 410 closed. */
@Injectable()
export class QuestionnaireLookupService {
  private readonly cache = new Map<string, { at: number; value: Promise<OpenQuestionnaire | null> }>();
  private readonly versions = new Map<string, QuestionnaireVersion>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async openBySlug(slug: string, now = new Date()): Promise<OpenQuestionnaire> {
    const found = await this.cached(slug);
    if (!found) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `No questionnaire is published at « ${slug} ».`);
    const { questionnaire: q } = found;
    if (found.archived)
      throw new ApiError(HttpStatus.GONE, 'archived', 'This questionnaire has been archived and no longer takes answers.');
    if (q.status === 'closed' || (q.closesAt && q.closesAt <= now)) {
      throw new ApiError(HttpStatus.GONE, 'closed', 'This questionnaire is closed.');
    }
    if (q.opensAt && q.opensAt > now) throw new ApiError(HttpStatus.NOT_FOUND, 'not_open', 'This questionnaire is not open yet.');
    return found;
  }

  /**
   * A version by number, for a response that answered an earlier one. A version with responses never changes:
   * cached for good. The current one may be rewritten while unanswered: load() reads it afresh every second.
   */
  async version(questionnaireId: string, version: number): Promise<QuestionnaireVersion | null> {
    const key = `${questionnaireId}:${version}`;
    const hit = this.versions.get(key);
    if (hit) return hit;
    const row = await this.db.manager.findOneBy(QuestionnaireVersion, { questionnaireId, version });
    if (row) this.versions.set(key, row);
    return row;
  }

  /** Drops what is cached for a slug (and the questionnaire's versions): called after publishing or closing in this process. */
  forget(slug: string, questionnaireId?: string): void {
    this.cache.delete(slug);
    if (!questionnaireId) return;
    for (const key of this.versions.keys()) if (key.startsWith(`${questionnaireId}:`)) this.versions.delete(key);
  }

  private cached(slug: string): Promise<OpenQuestionnaire | null> {
    const hit = this.cache.get(slug);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
    const value = this.load(slug);
    this.cache.set(slug, { at: Date.now(), value });
    value.catch(() => this.cache.delete(slug));
    return value;
  }

  private async load(slug: string): Promise<OpenQuestionnaire | null> {
    const questionnaire = await this.db.manager.findOneBy(Questionnaire, { slug });
    if (!questionnaire || questionnaire.status === 'draft' || questionnaire.currentVersion < 1) return null;
    const version = await this.db.manager.findOneBy(QuestionnaireVersion, {
      questionnaireId: questionnaire.id,
      version: questionnaire.currentVersion,
    });
    if (version) this.versions.set(`${questionnaire.id}:${version.version}`, version);
    if (!version) return null;
    const [plan] = await this.db.query<{ archived: boolean }[]>('SELECT archived_at IS NOT NULL AS archived FROM plans WHERE id = $1', [
      questionnaire.planId,
    ]);
    return { questionnaire, version, archived: questionnaire.archivedAt !== null || plan?.archived === true };
  }
}
