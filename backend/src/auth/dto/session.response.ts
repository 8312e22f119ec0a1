import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '@backend/users/dto/user.response';

export class PasswordChangedDto {
  @ApiProperty({ description: 'A bearer token for `Authorization: Bearer …`; every token issued before is void' }) accessToken: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
}

export class SessionDto extends PasswordChangedDto {
  @ApiProperty({
    description:
      "Send it back as `deviceToken` with the next sign-in from this client: its failures are then counted apart from strangers'",
  })
  deviceToken: string;
}
