import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  /** The policy (users/password-policy.ts) is applied by the service, which knows the account's email. */
  @ApiProperty({
    minLength: 10,
    description: 'At least 10 characters; not a commonly used password, one repeated character, nor the email',
  })
  @IsString()
  @MaxLength(200)
  newPassword: string;
}
