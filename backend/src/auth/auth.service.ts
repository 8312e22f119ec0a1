import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiError } from '@backend/common/errors';
import { verifyPassword } from '@backend/users/password';
import { UsersService } from '@backend/users/users.service';
import { AuthGuard } from './auth.guard';
import { LoginDto } from './dto/login.dto';

@Injectable()
export class AuthService {
  constructor(private readonly users: UsersService, private readonly jwt: JwtService) {}

  async login(dto: LoginDto) {
    const found = await this.users.findWithHash(dto.email);
    if (!(await verifyPassword(found?.passwordHash ?? null, dto.password)) || !found) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_credentials', 'Email or password is incorrect.');
    }
    const user = this.users.toView(found);
    const accessToken = await this.jwt.signAsync(AuthGuard.tokenPayload(user));
    return { accessToken, user };
  }
}
