import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EvidenceOwnerKind } from '@repere/contract';
import { EvidenceFile } from '@backend/evidence/evidence-file.entity';
import { PostgresEvidenceStorage } from '@backend/evidence/storage/postgres-evidence-storage';
import { createPdf, winAnsi } from '@backend/reports/render/pdf-layout';

export interface DemoDocument {
  readonly title: string;
  /** The meeting's or event's date (YYYY-MM-DD). */
  readonly date: string;
  /** The body, one paragraph per line. */
  readonly lines: readonly string[];
}

/**
 * A generated PDF standing for a real document (minutes, an activity report): it says on its first line that it
 * was generated for the demo, so nobody mistakes it for the organization's own.
 */
export async function demoPdf(doc: DemoDocument): Promise<Buffer> {
  const generatedAt = new Date(`${doc.date}T12:00:00Z`);
  const pdf = createPdf({ title: doc.title, subject: 'Document de démonstration', language: 'fr', generatedAt });
  pdf.doc.fontSize(9).text(winAnsi('Document généré pour la démonstration de Repère : il ne vient pas des organismes nommés.'));
  pdf.doc.moveDown().fontSize(16).text(winAnsi(doc.title));
  pdf.doc
    .fontSize(10)
    .text(winAnsi(`Date : ${doc.date}`))
    .moveDown();
  for (const line of doc.lines) pdf.doc.text(winAnsi(line)).moveDown(0.5);
  pdf.doc.end();
  return pdf.bytes;
}

/**
 * Attaches a generated document to a record, as an upload would (evidence.service.ts), in the seed's transaction.
 * Kept in PostgreSQL whatever the deployment's store: the demo's files travel with its database.
 */
export async function attachDemoEvidence(
  em: EntityManager,
  owner: { kind: EvidenceOwnerKind; id: string; planId: string },
  doc: DemoDocument,
): Promise<EvidenceFile> {
  const bytes = await demoPdf(doc);
  const key = randomUUID();
  await new PostgresEvidenceStorage().put(em, key, bytes);
  return em.save(
    em.create(EvidenceFile, {
      ownerKind: owner.kind,
      ownerId: owner.id,
      planId: owner.planId,
      title: doc.title,
      date: doc.date,
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest(),
      storage: 'postgres',
      storageKey: key,
      addedBy: null,
      archivedAt: null,
      archivedBy: null,
    }),
  );
}
