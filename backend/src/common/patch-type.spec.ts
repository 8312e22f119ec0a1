import 'reflect-metadata';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PatchType } from './patch-type';

const metadataOf = (prototype: object, key: string) =>
  Reflect.getMetadata('swagger/apiModelProperties', prototype, key) as Record<string, unknown> | undefined;

class CreateThing {
  @ApiProperty() title: string;
  @ApiPropertyOptional({ enum: ['draft', 'active'], default: 'draft' }) status?: 'draft' | 'active';
}

class UpdateThing extends PatchType(CreateThing) {}

// A PATCH without `status` keeps the stored one: its document must not promise the creation's default.
describe('PatchType', () => {
  it('documents every field as optional, without the defaults of the creation', () => {
    expect(metadataOf(UpdateThing.prototype, 'status')).toMatchObject({ enum: ['draft', 'active'], required: false });
    expect(metadataOf(UpdateThing.prototype, 'status')).not.toHaveProperty('default');
    expect(metadataOf(UpdateThing.prototype, 'title')).toMatchObject({ required: false });
  });

  it('leaves the creation DTO its default', () => {
    expect(metadataOf(CreateThing.prototype, 'status')).toMatchObject({ default: 'draft' });
  });
});
