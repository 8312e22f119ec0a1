import { readFileSync } from 'fs';
import { join } from 'path';
import type { ConfigType } from '@nestjs/config';
import type { appConfig } from '@backend/config/configuration';
import type { OrganizationsService } from '@backend/organizations/organizations.service';
import type { ImportFilesService } from '../import-files.service';
import type { Import } from '../import.entity';
import type { ImportsRepository } from '../imports.repository';
import { PlanImportService } from './plan-import.service';

// The plan reader's decisions against a fake repository: the plan the file and the user's options describe, the
// problems that block it (dates missing or reversed, a title already taken), and a title taken between the preview and
// the confirmation. The writing itself (writers/plan-writer.ts) is the e2e tests' (imports*).

const SEED = readFileSync(join(__dirname, '../../../test/fixtures/seeds/003_ae833e418bd2f86e.txt'));
const TITLE = "Plan d'action 2021/2023";

function setup(bytes: Buffer = SEED) {
  const titles = new Set<string>();
  const repo = { planTitleTaken: jest.fn(async (title: string) => titles.has(title)) };
  const files = { readAll: async () => bytes } as unknown as ImportFilesService;
  const service = new PlanImportService(
    repo as unknown as ImportsRepository,
    files,
    {} as OrganizationsService,
    { defaultTimeZone: 'America/Toronto' } as ConfigType<typeof appConfig>,
  );
  return { service, titles, repo };
}

const imp = (options: Record<string, unknown> = {}, more: Partial<Import> = {}) =>
  ({ id: 'imp', kind: 'plan', fileName: 'plan.txt', size: SEED.length, options, generation: 0, ...more }) as Import;

describe('PlanImportService.read', () => {
  it("the document's title and dates, no problem: a plan to write", async () => {
    const { service } = setup();
    const r = await service.read(imp());
    expect(r.problems.items).toEqual([]);
    expect(r.plan).toMatchObject({ title: TITLE, startDate: '2021-06-28', endDate: '2023-12-31', ownerName: null });
    expect(r.preview).toMatchObject({ title: TITLE, description: 'Importé de « plan.txt ».' });
  });

  it("the user's options win over the document's, trimmed", async () => {
    const { service } = setup();
    const r = await service.read(imp({ title: '  Autre titre ', ownerName: ' Table ', startDate: '2022-01-01', endDate: '2024-06-30' }));
    expect(r.plan).toMatchObject({ title: 'Autre titre', ownerName: 'Table', startDate: '2022-01-01', endDate: '2024-06-30' });
  });

  it('a title already taken blocks the plan: the user gives another', async () => {
    const { service, titles } = setup();
    titles.add(TITLE);
    const r = await service.read(imp());
    expect(r.problems.items).toEqual([
      {
        row: null,
        column: null,
        code: 'already_exists',
        message: `A plan titled "${TITLE}" already exists: give this one another title`,
        params: { field: 'title', value: TITLE },
      },
    ]);
    expect(r.plan).toBeNull();
    // The preview is still shown, for the user to see what they are renaming.
    expect(r.preview).toMatchObject({ title: TITLE });
  });

  it('a plan that ends before it starts', async () => {
    const { service } = setup();
    const r = await service.read(imp({ endDate: '2020-01-01' }));
    expect(r.problems.items.map((p) => [p.code, p.params])).toEqual([['bad_date', { field: 'endDate', value: '2020-01-01' }]]);
    expect(r.plan).toBeNull();
  });

  it('a document with neither date nor years asks for both dates', async () => {
    const text = SEED.toString('utf8')
      .replace(/Plan d'action 2021\/2023/, 'Plan')
      .replace(/^.*2021.*$/gm, '');
    const { service } = setup(Buffer.from(text));
    const r = await service.read(imp({}, { size: text.length }));
    const missing = r.problems.items.filter((p) => p.code === 'missing_field').map((p) => p.params?.field);
    expect(missing).toEqual(['startDate', 'endDate']);
    expect(r.plan).toBeNull();
  });

  it('a file that is not a document: its one problem, no preview, no title looked up', async () => {
    const { service, repo } = setup(Buffer.from([0x00, 0xff, 0x00, 0x01, 0x02]));
    const r = await service.read(imp({}, { size: 5 }));
    expect([r.problems.count, r.preview, r.plan]).toEqual([1, null, null]);
    expect(repo.planTitleTaken).not.toHaveBeenCalled();
  });

  it("looks the title up in the caller's transaction when given one", async () => {
    const { service, repo } = setup();
    const em = {} as never;
    await service.read(imp(), em);
    expect(repo.planTitleTaken).toHaveBeenCalledWith(TITLE, em);
  });
});

describe('PlanImportService.commit', () => {
  it('a plan of that title created since the preview: back to the preview with the problem, nothing written', async () => {
    const { service, titles } = setup();
    titles.add(TITLE);
    const r = await service.commit({} as never, imp());
    expect('problems' in r && r.problems.items.map((p) => p.code)).toEqual(['already_exists']);
  });
});
