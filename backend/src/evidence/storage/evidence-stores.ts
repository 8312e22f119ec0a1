import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { evidenceConfig } from '@backend/config/configuration';
import type { EvidenceStorageName } from '../evidence-file.entity';
import type { EvidenceStorage } from './evidence-storage';
import { PostgresEvidenceStorage } from './postgres-evidence-storage';
import { S3EvidenceStorage } from './s3-evidence-storage';

/**
 * The stores a deployment reads from, and the one new files go to (EVIDENCE_STORAGE). A file is read from the store
 * its row names, so changing EVIDENCE_STORAGE leaves earlier files readable where they are.
 */
@Injectable()
export class EvidenceStores implements OnModuleDestroy {
  readonly current: EvidenceStorage;
  private readonly s3: S3EvidenceStorage | null;

  constructor(
    private readonly postgres: PostgresEvidenceStorage,
    @Inject(evidenceConfig.KEY) config: ConfigType<typeof evidenceConfig>,
  ) {
    this.s3 = config.s3 ? new S3EvidenceStorage(config.s3) : null;
    this.current = this.s3 ?? this.postgres;
  }

  /** The store a row names; null when this deployment is not configured for it. */
  byName(name: EvidenceStorageName): EvidenceStorage | null {
    return name === 'postgres' ? this.postgres : this.s3;
  }

  onModuleDestroy(): void {
    this.s3?.close();
  }
}
