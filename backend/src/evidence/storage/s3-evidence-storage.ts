import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@backend/common/errors';
import type { EvidenceStorage } from './evidence-storage';

export interface S3Settings {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * An S3-compatible store (MinIO in docker/compose.yml, or a cloud's) for deployments that keep files apart from the
 * database. Path-style addressing, which MinIO and most self-hosted stores expect. The object is written before the
 * row that names it: an upload that fails afterwards leaves an object no row names, never a row without its object.
 */
export class S3EvidenceStorage implements EvidenceStorage {
  readonly name = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: true,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    });
  }

  async put(_em: unknown, key: string, bytes: Buffer, mediaType: string): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: bytes, ContentType: mediaType, ContentLength: bytes.length }),
      );
    } catch (err) {
      throw unreachable(err);
    }
  }

  async get(_em: unknown, key: string): Promise<Buffer | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : null;
    } catch (err) {
      if (err instanceof NoSuchKey) return null;
      throw unreachable(err);
    }
  }

  close(): void {
    this.client.destroy();
  }
}

/** The store is down or refuses us: a 503 for the client (try again later), the cause in the server's log. */
function unreachable(err: unknown): ApiError {
  return Object.assign(
    new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'unavailable', 'The file store is unreachable: try again in a moment.'),
    {
      cause: err,
    },
  );
}
