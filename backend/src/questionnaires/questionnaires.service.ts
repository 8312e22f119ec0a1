import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import QRCode, { type QRCodeToBufferOptions } from 'qrcode';
import { DataSource, EntityManager, Like } from 'typeorm';
import { keyFromSum, protectCount } from '@backend/disclosure/cell-key';
import { deploymentTable } from '@backend/disclosure/disclosure';
import { appConfig } from '@backend/config/configuration';
import { ApiError, FieldError, invalidField, notFound } from '@backend/common/errors';
import { findInPlan, findReferenced } from '@backend/common/lookup';
import { Page, pageOf } from '@backend/common/pagination.dto';
import { archiveRow, archivedWhere, refuseIfArchived, restoreRow } from '@backend/common/archive';
import type { AuthUser } from '@backend/auth/auth.decorators';
import { Instrument } from '@backend/indicators/instrument.entity';
import { Plan } from '@backend/plans/plan.entity';
import { Response } from '@backend/responses/response.entity';
import { diff } from '@backend/audit/audit-diff';
import { recordAudit } from '@backend/audit/audit.service';
import { adsBlock } from './ads-block';
import { CreateQuestionnaireDto, PublishQuestionnaireDto, QuestionnaireQueryDto, UpdateQuestionnaireDto } from './dto/questionnaire.dto';
import { freeSlug, missingTranslations, pruneLanguages, sameContent, slugify } from './questionnaire-content';
import { QuestionnaireLookupService } from './questionnaire-lookup.service';
import { QuestionnaireVersion } from './questionnaire-version.entity';
import { Questionnaire } from './questionnaire.entity';
import { Checked, QuestionnaireContent, validateContent } from './validate-questions';

export type QrFormat = 'svg' | 'png';

// qrcode hands rendererOpts to pngjs: a one-channel image is half the bytes and faster to pack than RGBA.
const GRAYSCALE_PNG = { colorType: 0 } as QRCodeToBufferOptions['rendererOpts'];
const QR_TYPES: Record<QrFormat, string> = { svg: 'image/svg+xml', png: 'image/png' };
const QR_CACHE_SIZE = 200;

export interface VersionSummary {
  version: number;
  createdAt: Date;
  /** As published to roles below evaluator: through the disclosure layer (null: from 1 to k − 1 responses). */
  responseCount: number | null;
}

/** One row of the staff list: the title in the default language. */
export function questionnaireListItem(q: Questionnaire) {
  return {
    id: q.id,
    slug: q.slug,
    title: q.title[q.defaultLanguage] ?? '',
    status: q.status,
    languages: q.languages,
    defaultLanguage: q.defaultLanguage,
    planId: q.planId,
    instrumentId: q.instrumentId,
    currentVersion: q.currentVersion,
    opensAt: q.opensAt,
    closesAt: q.closesAt,
    archivedAt: q.archivedAt ?? null,
  };
}

const contentOf = (q: QuestionnaireContent): QuestionnaireContent => ({
  title: q.title,
  description: q.description,
  languages: q.languages,
  defaultLanguage: q.defaultLanguage,
  questions: q.questions,
});

function valid<T>(checked: Checked<T>): T {
  if (checked.errors.length === 0) return checked.value;
  throw invalid(checked.errors);
}

function invalid(errors: FieldError[]): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', errors.map((e) => e.message).join('; '), errors);
}

const instant = (v: string | null): Date | null => (v === null ? null : new Date(v));

function checkWindow(q: Pick<Questionnaire, 'opensAt' | 'closesAt'>): void {
  if (q.opensAt && q.closesAt && q.opensAt >= q.closesAt) throw invalidField('closesAt', 'must be after opensAt');
}

/**
 * Authoring: evaluators edit a working copy (`questionnaires.questions`…) and publishing freezes it as the
 * version residents answer. A version that has responses is never rewritten.
 */
@Injectable()
export class QuestionnairesService {
  private readonly qrImages = new Map<string, Promise<string | Buffer>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lookup: QuestionnaireLookupService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  async list(q: QuestionnaireQueryDto, user?: AuthUser): Promise<Page<ReturnType<typeof questionnaireListItem>>> {
    const [rows, total] = await this.db.manager.findAndCount(Questionnaire, {
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        languages: true,
        defaultLanguage: true,
        planId: true,
        instrumentId: true,
        currentVersion: true,
        opensAt: true,
        closesAt: true,
        createdAt: true,
        archivedAt: true,
      },
      where: { ...(q.planId ? { planId: q.planId } : {}), archivedAt: archivedWhere(q, user) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (q.page - 1) * q.limit,
      take: q.limit,
    });
    return pageOf(rows.map(questionnaireListItem), total, q);
  }

  /**
   * The working copy with its versions and, per language, the strings still to translate. `trueCounts`: the versions'
   * response counts as they are (evaluators and admins); otherwise as published (disclosure/cell-key.ts).
   */
  async get(id: string, trueCounts = true) {
    const q = await this.db.manager.findOneBy(Questionnaire, { id });
    if (!q) throw notFound('Questionnaire', id);
    const [versions, current] = await Promise.all([
      this.versions(id, trueCounts),
      q.currentVersion > 0 ? this.db.manager.findOneBy(QuestionnaireVersion, { questionnaireId: id, version: q.currentVersion }) : null,
    ]);
    return {
      ...q,
      publicUrl: this.publicUrl(q.slug),
      /** Whether publishing now would change what residents see. */
      hasUnpublishedChanges: !current || !sameContent(contentOf(q), contentOf(current)),
      versions,
      missingTranslations: missingTranslations(q),
    };
  }

  async create(dto: CreateQuestionnaireDto) {
    const content = valid(
      validateContent({
        title: dto.title,
        description: dto.description ?? {},
        languages: dto.languages,
        defaultLanguage: dto.defaultLanguage,
        questions: dto.questions ?? [],
      }),
    );
    const id = await this.db.transaction(async (em) => {
      await findReferenced(em, Plan, dto.planId, 'planId');
      const title = content.title[content.defaultLanguage];
      const instrument = dto.instrumentId
        ? await this.questionnaireInstrument(em, dto.instrumentId, dto.planId)
        : await this.newInstrument(em, dto.planId, title);
      const slug = dto.slug ?? (await this.freeSlug(em, slugify(title)));
      if (dto.slug && (await em.existsBy(Questionnaire, { slug }))) {
        const message = `« ${slug} » is already the link of another questionnaire`;
        throw new ApiError(HttpStatus.CONFLICT, 'already_exists', `slug: ${message}`, [{ field: 'slug', message }]);
      }
      const saved = await em.save(
        em.create(Questionnaire, {
          ...content,
          planId: dto.planId,
          instrumentId: instrument.id,
          slug,
          status: 'draft',
          currentVersion: 0,
          kiosk: dto.kiosk ?? false,
        }),
      );
      return saved.id;
    });
    return this.get(id);
  }

  /** Edits the working copy. Open and close dates are the questionnaire's, not a version's: they apply at once. */
  async update(id: string, dto: UpdateQuestionnaireDto) {
    const slug = await this.db.transaction(async (em) => {
      const q = await this.locked(em, id);
      // Strings of a language taken out go with it, unless the same request sends them again (then they are refused).
      const stored = dto.languages ? pruneLanguages(q, dto.languages) : q;
      const content = valid(
        validateContent({
          title: dto.title ?? stored.title,
          description: dto.description === null ? {} : (dto.description ?? stored.description),
          questions: dto.questions ?? stored.questions,
          languages: dto.languages ?? q.languages,
          defaultLanguage: dto.defaultLanguage ?? q.defaultLanguage,
        }),
      );
      if (dto.instrumentId !== undefined) {
        q.instrumentId = dto.instrumentId && (await this.questionnaireInstrument(em, dto.instrumentId, q.planId)).id;
      }
      if (dto.opensAt !== undefined) q.opensAt = instant(dto.opensAt);
      if (dto.closesAt !== undefined) q.closesAt = instant(dto.closesAt);
      if (dto.kiosk !== undefined) q.kiosk = dto.kiosk;
      checkWindow(q);
      await em.save(Object.assign(q, content));
      return q.slug;
    });
    this.lookup.forget(slug, id);
    return this.get(id);
  }

  /** Appends the standard ADS+ block, in the questionnaire's languages, unless one of its dimensions is asked already. */
  async addAdsBlock(id: string) {
    await this.db.transaction(async (em) => {
      const q = await this.locked(em, id);
      const block = adsBlock();
      const written = Object.keys(block[0].label);
      if (!written.includes(q.defaultLanguage)) {
        throw invalidField('defaultLanguage', `the standard ADS+ block is written in ${written.join(', ')}, not in ${q.defaultLanguage}`);
      }
      for (const { dimension } of block) {
        const n = q.questions.findIndex((x) => dimension && x.dimension === dimension);
        if (n >= 0) {
          const message = `question ${n + 1} already asks about ${dimension}`;
          throw new ApiError(HttpStatus.CONFLICT, 'already_exists', `dimension ${dimension}: ${message}`, [
            { field: `questions.${n}.dimension`, message },
          ]);
        }
      }
      const questions = [...q.questions, ...pruneLanguages({ title: {}, description: {}, questions: block }, q.languages).questions];
      const content = valid(validateContent({ ...contentOf(q), questions }));
      await em.save(Object.assign(q, content));
    });
    return this.get(id);
  }

  /**
   * Freezes the working copy as what residents answer. Unchanged: nothing new. Changed while the current
   * version has no response: that version is rewritten (nobody answered it). Changed once answered: a new version.
   */
  async publish(id: string, dto: PublishQuestionnaireDto, now = new Date()) {
    const slug = await this.db.transaction(async (em) => {
      const q = await this.locked(em, id);
      if (dto.opensAt !== undefined) q.opensAt = instant(dto.opensAt);
      if (dto.closesAt !== undefined) q.closesAt = instant(dto.closesAt);
      checkWindow(q);
      if (q.closesAt && q.closesAt <= now) throw invalidField('closesAt', 'is already past: residents could not answer');
      const content = valid(validateContent(contentOf(q)));
      if (content.questions.length === 0) throw invalidField('questions', 'a questionnaire needs at least one question to be published');

      // Locking the version row waits for responses being inserted against it (their foreign key shares it)
      // and holds off new ones until this commits: « nobody answered it » stays true while it is rewritten.
      const current =
        q.currentVersion > 0
          ? await em.findOne(QuestionnaireVersion, {
              where: { questionnaireId: id, version: q.currentVersion },
              lock: { mode: 'pessimistic_write' },
            })
          : null;
      if (!current) {
        q.currentVersion = (await this.lastVersion(em, id)) + 1;
        await em.save(em.create(QuestionnaireVersion, { ...content, questionnaireId: id, version: q.currentVersion }));
      } else if (!sameContent(content, contentOf(current))) {
        if (await em.existsBy(Response, { questionnaireId: id, version: current.version })) {
          q.currentVersion = (await this.lastVersion(em, id)) + 1;
          await em.save(em.create(QuestionnaireVersion, { ...content, questionnaireId: id, version: q.currentVersion }));
        } else {
          await em.update(QuestionnaireVersion, { id: current.id }, content);
          const fields = Object.keys(content);
          await recordAudit(em, {
            action: 'update',
            entityType: 'questionnaire_version',
            entityId: current.id,
            changes: diff(current as unknown as Record<string, unknown>, content as unknown as Record<string, unknown>, fields),
          });
        }
      }
      q.status = 'published';
      await em.save(Object.assign(q, content));
      return q.slug;
    });
    this.lookup.forget(slug, id);
    return this.get(id);
  }

  async close(id: string) {
    const slug = await this.db.transaction(async (em) => {
      const q = await this.locked(em, id);
      if (q.status === 'draft')
        throw new ApiError(HttpStatus.CONFLICT, 'not_published', 'A questionnaire that was never published cannot be closed.');
      q.status = 'closed';
      await em.save(q);
      return q.slug;
    });
    this.lookup.forget(slug, id);
    return this.get(id);
  }

  /**
   * « Delete » archives (README, « Nothing is erased »): hidden from lists, its public link answers 410, its versions and
   * responses stay and feed the figures as before; an admin restores it.
   */
  async archive(id: string, user: AuthUser): Promise<void> {
    await archiveRow(this.db.manager, Questionnaire, id, 'Questionnaire', user);
    const q = await this.db.manager.findOne(Questionnaire, { where: { id }, select: { id: true, slug: true } });
    if (q) this.lookup.forget(q.slug, id);
  }

  async restore(id: string) {
    await restoreRow(this.db.manager, Questionnaire, id, 'Questionnaire');
    const q = await this.db.manager.findOne(Questionnaire, { where: { id }, select: { id: true, slug: true } });
    if (q) this.lookup.forget(q.slug, id);
    return this.get(id);
  }

  /** The QR code of the public link, to print on posters. */
  async qr(id: string, format: QrFormat, lang?: string): Promise<{ body: string | Buffer; contentType: string; filename: string }> {
    const q = await this.db.manager.findOne(Questionnaire, { where: { id }, select: { id: true, slug: true, languages: true } });
    if (!q) throw notFound('Questionnaire', id);
    if (lang && !q.languages.includes(lang))
      throw invalidField('lang', `is not one of the questionnaire's languages (${q.languages.join(', ')})`);
    const filename = `${q.slug}${lang ? `-${lang}` : ''}.${format}`;
    return { body: await this.drawQr(this.publicUrl(q.slug, lang), format), contentType: QR_TYPES[format], filename };
  }

  /** An image depends on its URL alone: drawn once (packing a PNG takes tens of milliseconds), the last few kept. */
  private drawQr(url: string, format: QrFormat): Promise<string | Buffer> {
    const key = `${format} ${url}`;
    const hit = this.qrImages.get(key);
    if (hit) return hit;
    // A wide quiet zone and medium error correction: printed, folded and photographed from afar, it still scans.
    const options = { errorCorrectionLevel: 'M' as const, margin: 4 };
    const image: Promise<string | Buffer> =
      format === 'svg'
        ? QRCode.toString(url, { ...options, type: 'svg' })
        : QRCode.toBuffer(url, { ...options, type: 'png', width: 1024, rendererOpts: GRAYSCALE_PNG });
    this.qrImages.set(key, image);
    image.catch(() => this.qrImages.delete(key));
    if (this.qrImages.size > QR_CACHE_SIZE) this.qrImages.delete(this.qrImages.keys().next().value as string);
    return image;
  }

  /** The resident's page: what links and QR codes lead to (API.md: /q/{slug}, ?lang=xx preselects a language). */
  publicUrl(slug: string, lang?: string): string {
    return `${this.app.publicUrl}/q/${slug}${lang ? `?lang=${lang}` : ''}`;
  }

  private async versions(questionnaireId: string, trueCounts: boolean): Promise<VersionSummary[]> {
    // Counted from the responses of this questionnaire only: its index, not a scan of every response.
    const rows = await this.db.query<(VersionSummary & { responseCount: number; key: string | null })[]>(
      `SELECT v.version, v.created_at AS "createdAt", COALESCE(c.n, 0)::int AS "responseCount", c.key
         FROM questionnaire_versions v
         LEFT JOIN (SELECT version, count(*) AS n, sum(record_key)::text AS key FROM responses WHERE questionnaire_id = $1 GROUP BY version) c
           ON c.version = v.version
        WHERE v.questionnaire_id = $1
        ORDER BY v.version`,
      [questionnaireId],
    );
    // A count of respondents like any other: a committee member reading it every day would otherwise see exactly how
    // many answered that day, beside figures perturbed to hide it.
    const table = deploymentTable(this.app);
    return rows.map(({ key, ...v }) => ({
      ...v,
      responseCount: trueCounts ? v.responseCount : protectCount(v.responseCount, keyFromSum(key), table).value,
    }));
  }

  private async locked(em: EntityManager, id: string): Promise<Questionnaire> {
    const q = await em.findOne(Questionnaire, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!q) throw notFound('Questionnaire', id);
    refuseIfArchived(q, 'Questionnaire');
    return q;
  }

  private async lastVersion(em: EntityManager, questionnaireId: string): Promise<number> {
    const [{ last }] = await em.query<{ last: number }[]>(
      'SELECT COALESCE(MAX(version), 0)::int AS last FROM questionnaire_versions WHERE questionnaire_id = $1',
      [questionnaireId],
    );
    return last;
  }

  private async questionnaireInstrument(em: EntityManager, instrumentId: string, planId: string): Promise<Instrument> {
    const instrument = await findInPlan(em, Instrument, instrumentId, planId, 'instrumentId');
    if (instrument.kind !== 'questionnaire') throw invalidField('instrumentId', `is a ${instrument.kind} instrument, not a questionnaire`);
    return instrument;
  }

  private async newInstrument(em: EntityManager, planId: string, name: string): Promise<Instrument> {
    const [{ next }] = await em.query<{ next: number }[]>(
      'SELECT COALESCE(MAX(position) + 1, 0)::int AS next FROM instruments WHERE plan_id = $1',
      [planId],
    );
    return em.save(em.create(Instrument, { planId, kind: 'questionnaire', name, actionId: null, description: null, position: next }));
  }

  private async freeSlug(em: EntityManager, base: string): Promise<string> {
    const rows = await em.find(Questionnaire, { select: { slug: true }, where: { slug: Like(`${base.slice(0, 70)}%`) } });
    return freeSlug(base, new Set(rows.map((r) => r.slug)));
  }
}
