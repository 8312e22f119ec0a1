import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '../role';

export class CreateUserDto {
  @ApiProperty() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES }) @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for partners' })
  @IsOptional() @IsUUID('all')
  organizationId?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200)
  displayName?: string | null;
}

export class UpdateUserDto extends PartialType(CreateUserDto) {}
