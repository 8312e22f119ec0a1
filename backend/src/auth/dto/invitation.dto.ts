import { HttpStatus, PipeTransform } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { ApiError } from '@backend/common/errors';
import { INSTANT } from '@backend/common/record.response';
import { ROLES, Role } from '@backend/users/role';

/** `@Param('token', InvitationTokenParam)`: a token of another shape is a 400 that names it, never a lookup. */
export const InvitationTokenParam: PipeTransform<unknown, string> = {
  transform(value: unknown): string {
    if (typeof value === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(value)) return value;
    throw new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', 'token must be an invitation token', [
      { field: 'token', message: 'must be an invitation token' },
    ]);
  },
};

export class AcceptInvitationDto {
  /** The policy (users/password-policy.ts) is applied by the service, which knows the account's email. */
  @ApiProperty({
    minLength: 10,
    description:
      'The password the person chooses: at least 10 characters; not a commonly used password, one repeated character, nor the email',
  })
  @IsString()
  @MaxLength(200)
  password: string;
}

/** Whom an invitation link is for, shown on the page where the password is chosen. */
export class InvitationDto {
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty({ ...INSTANT, description: 'When the link stops working' }) expiresAt: Date;
}
