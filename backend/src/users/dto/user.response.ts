import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf, UUID } from '@backend/common/record.response';
import { ROLES, Role } from '../role';
import type { IssuedCredentials, UserView } from '../users.service';

export class UserDto implements UserView {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty({ ...UUID, nullable: true, description: 'The organization a partner acts for (others may belong to one too)' })
  organizationId: string | null;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
  @ApiProperty({ description: 'false: deactivated, cannot sign in' }) active: boolean;
  @ApiProperty({ description: 'Signed in with a temporary password: must change it before anything else' }) mustChangePassword: boolean;
  @ApiProperty({ description: 'No password yet: waiting for the person to open their invitation link' }) invited: boolean;
}

export const UserPageDto = PageOf(UserDto);

/** A created or reset account, with what the admin hands over: shown once, never stored in clear. */
export class UserWithCredentialsDto extends UserDto implements IssuedCredentials {
  @ApiPropertyOptional({ description: 'The invitation token: the link is /invitation/{token} on the web app (single use)' })
  invitationToken?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'When the invitation link stops working' })
  invitationExpiresAt?: Date;
  @ApiPropertyOptional({ description: 'The temporary password, to be changed at first sign-in' })
  temporaryPassword?: string;
}
