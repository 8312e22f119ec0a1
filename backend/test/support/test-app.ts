import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { createApp } from '@backend/app.factory';
import { DemoSeedService } from '@backend/demo/demo-seed.service';
import { OrganizationsService } from '@backend/organizations/organizations.service';
import { DEMO_PASSWORD, DEMO_USERS } from '@backend/demo/demo-users';
import type { Role } from '@backend/users/role';
// Before the app reads its configuration: this file's own Redis prefix.

export interface TestApp {
  app: NestFastifyApplication;
  db: DataSource;
  http: () => ReturnType<typeof request>;
  seeder: DemoSeedService;
  /** Bearer tokens of the demo users, by role. */
  tokens: Record<Role, string>;
  close: () => Promise<void>;
}

/** The real application (Fastify, global pipe, guard and filter) on the run's database, with the demo data. */
export async function startTestApp(): Promise<TestApp> {
  const app = await createApp();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get<DataSource>(getDataSourceToken());
  const seeder = new DemoSeedService(db, app.get(OrganizationsService), app.get(AggregationService));
  await seeder.seed();
  const server = app.getHttpServer();
  const http = () => request(server);
  const tokens = {} as Record<Role, string>;
  for (const user of DEMO_USERS) {
    const res = await http().post('/api/auth/login').send({ email: user.email, password: DEMO_PASSWORD }).expect(200);
    tokens[user.role] = res.body.accessToken as string;
  }
  return { app, db, http, seeder, tokens, close: () => app.close() };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
