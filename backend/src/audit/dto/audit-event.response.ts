import { ApiProperty } from '@nestjs/swagger';
import { ANY_VALUE, INSTANT, PageOf, UUID } from '@backend/common/record.response';
import { ROLES, Role } from '@backend/users/role';
import type { AuditAction, AuditChanges } from '../audit-diff';
import type { AuditEventView } from '../audit.service';

const AUDIT_ACTIONS = ['create', 'update', 'archive', 'restore', 'delete'] as const satisfies readonly AuditAction[];

export class AuditActorDto {
  @ApiProperty({ ...UUID, nullable: true, description: 'Null once the user is deleted' }) id: string | null;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
}

export class FieldChangeDto {
  @ApiProperty({ ...ANY_VALUE, description: 'The value before (null on a create)' }) from: unknown;
  @ApiProperty({ ...ANY_VALUE, description: 'The value after (null on a delete)' }) to: unknown;
}

export class AuditEventDto implements AuditEventView {
  @ApiProperty(UUID) id: string;
  @ApiProperty(INSTANT) at: Date;
  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'Null for changes made by the system' }) actor: AuditActorDto | null;
  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' }) action: AuditAction;
  @ApiProperty({ example: 'plan' }) entityType: string;
  @ApiProperty(UUID) entityId: string;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/FieldChangeDto' }, description: 'By field' })
  changes: AuditChanges;
}
export const AuditEventPageDto = PageOf(AuditEventDto);
