import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsAcceptablePassword } from '../password-policy';
import { ROLES, Role } from '../role';

/**
 * How a new (or reset) account gets its password: one the admin types (`password`), a one-time invitation link
 * through which the person chooses it, or a temporary password drawn by the API that must be changed at first
 * sign-in. The link's token and the temporary password are in the answer, once.
 */
export const CREDENTIALS = ['password', 'invitation', 'temporary_password'] as const;
export type Credentials = (typeof CREDENTIALS)[number];
export const RESET_CREDENTIALS = ['invitation', 'temporary_password'] as const;
export type ResetCredentials = (typeof RESET_CREDENTIALS)[number];

export class CreateUserDto {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({
    enum: CREDENTIALS,
    default: 'password',
    description: '`invitation`: a one-time link to choose the password; `temporary_password`: drawn here, to be changed at first sign-in',
  })
  @IsOptional()
  @IsIn(CREDENTIALS)
  credentials?: Credentials;

  @ApiPropertyOptional({
    minLength: 10,
    description:
      'Required with `credentials: password` (the default), absent otherwise. At least 10 characters; not a commonly used password, one repeated character, nor the email',
  })
  @ValidateIf((o: CreateUserDto) => o.password !== undefined || (o.credentials ?? 'password') === 'password')
  @IsString()
  @MaxLength(200)
  @IsAcceptablePassword()
  password?: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'Required for partners' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string | null;
}

export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['credentials'] as const)) {
  @ApiPropertyOptional({
    description: 'false deactivates the account (its sessions end, it cannot sign in; never the last admin); true reactivates it',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ResetUserDto {
  @ApiProperty({
    enum: RESET_CREDENTIALS,
    description:
      "A new invitation link (the current password stops working), or a temporary password to change at first sign-in; the user's sessions end",
  })
  @IsIn(RESET_CREDENTIALS)
  credentials: ResetCredentials;
}
