import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsAcceptablePassword } from '../password-policy';
import { ROLES, Role } from '../role';

export class CreateUserDto {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({
    minLength: 10,
    description: 'At least 10 characters; not a commonly used password, one repeated character, nor the email',
  })
  @IsString()
  @MaxLength(200)
  @IsAcceptablePassword()
  password: string;

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

export class UpdateUserDto extends PartialType(CreateUserDto) {}
