import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Import } from './import.entity';

/** A piece of an uploaded file (CHUNK_BYTES at most), in order: the workers stream the file back from these. */
@Entity('import_chunks')
export class ImportChunk {
  @PrimaryColumn({ type: 'uuid' })
  importId: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @ManyToOne(() => Import, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  import?: Relation<Import>;

  @Column({ type: 'bytea' })
  data: Buffer;
}
