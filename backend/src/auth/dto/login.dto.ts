import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'comite@demo.repere.org' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'repere-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;

  /**
   * The deviceToken an earlier sign-in of this account on this client returned: its attempts then count apart from
   * strangers' (auth/login-throttle.ts), so guessing at the account does not keep its owner out.
   */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  deviceToken?: string;
}
