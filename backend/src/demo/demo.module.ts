import { Module } from '@nestjs/common';
import { CoreModule } from '@backend/core.module';
import { OrganizationsModule } from '@backend/organizations/organizations.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [CoreModule, OrganizationsModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
