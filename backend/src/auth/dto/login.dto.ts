import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'comite@demo.repere.org' })
  @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'repere-demo' })
  @IsString() @MinLength(1) @MaxLength(200)
  password: string;
}
