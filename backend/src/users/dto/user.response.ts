import { ApiProperty } from '@nestjs/swagger';
import { PageOf, UUID } from '@backend/common/record.response';
import { ROLES, Role } from '../role';
import type { UserView } from '../users.service';

export class UserDto implements UserView {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty({ ...UUID, nullable: true, description: 'The organization a partner acts for (others may belong to one too)' })
  organizationId: string | null;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
}

export const UserPageDto = PageOf(UserDto);
