import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource } from 'typeorm';
import { loadEnv } from '@backend/config/load-env';
import { CoreModule } from '@backend/core.module';
import { CreateUserDto } from './dto/create-user.dto';
import { UsersModule } from './users.module';
import { UsersService } from './users.service';

@Module({ imports: [CoreModule, UsersModule] })
class CreateAdminModule {}

/**
 * `npm run create-admin -- <email>`: the first administrator of a deployment without the demo data (whose users have a
 * public password). The password is ADMIN_PASSWORD when given, else drawn here and printed once, to be changed after
 * signing in. Refuses an email that already has an account.
 */
async function main(): Promise<void> {
  const [email] = process.argv.slice(2);
  const { ADMIN_PASSWORD } = loadEnv();
  const generated = !ADMIN_PASSWORD;
  const dto = plainToInstance(CreateUserDto, {
    email: email ?? '',
    password: ADMIN_PASSWORD ?? randomBytes(12).toString('base64url'),
    role: 'admin',
  });
  const problems = validateSync(dto).flatMap((e) => Object.values(e.constraints ?? {}));
  if (!email || problems.length)
    throw new Error(email ? problems.join('; ') : 'usage: npm run create-admin -- <email> (ADMIN_PASSWORD=… to choose the password)');
  const app = await NestFactory.createApplicationContext(CreateAdminModule, { logger: ['error', 'warn'] });
  try {
    const [taken] = await app.get(DataSource).query(`SELECT 1 FROM users WHERE email = $1`, [dto.email.trim().toLowerCase()]);
    if (taken) throw new Error(`${dto.email} already has an account`);
    const user = await app.get(UsersService).create(dto);
    console.log(`Created the administrator ${user.email}.`);
    if (generated) console.log(`Password: ${dto.password}  (shown once: sign in and change it)`);
  } finally {
    await app.close();
  }
}

main().catch((err: Error) => {
  console.error(`Creating the administrator failed: ${err.message}`);
  process.exit(1);
});
