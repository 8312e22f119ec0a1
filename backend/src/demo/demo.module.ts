import { Module } from '@nestjs/common';
import { CoreModule } from '@backend/core.module';
import { AggregationRepository } from '@backend/aggregation/aggregation.repository';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { OrganizationsModule } from '@backend/organizations/organizations.module';
import { DemoSeedService } from './demo-seed.service';

// AggregationService and its repository alone (not its module): the seed computes values itself and needs no queue.
@Module({
  imports: [CoreModule, OrganizationsModule],
  providers: [DemoSeedService, AggregationRepository, AggregationService],
  exports: [DemoSeedService],
})
export class DemoModule {}
