import { readFileSync } from 'fs';
import { join } from 'path';
import type { OrganizationsService } from '@backend/organizations/organizations.service';
import type { ImportFilesService } from '../import-files.service';
import type { Import } from '../import.entity';
import type { ImportsRepository, LinkedObjective } from '../imports.repository';
import { WorkCellImportService } from './work-cell-import.service';

// The fiche reader's decisions against a fake repository: a name already taken, the objective its code names (in the
// chosen plan, or in the one plan that has it), which partners are already in the directory, and a name taken between
// the preview and the confirmation. The writing itself (writers/work-cell-writer.ts) is the e2e tests' (imports*).

const FICHE = readFileSync(join(__dirname, '../../../test/fixtures/seeds/000_030d30e79bcacd50.txt'));
const objective = (id: string, planTitle: string): LinkedObjective => ({ id, code: '3.2.1', title: 'Développer', planTitle });

function setup(bytes: Buffer = FICHE) {
  const names = new Set<string>();
  const plans = new Set<string>(['plan-a']);
  let objectives: LinkedObjective[] = [];
  const known = new Set<string>();
  const repo = {
    manager: (em?: unknown) => em ?? 'manager',
    workCellNameTaken: jest.fn(async (name: string) => names.has(name)),
    planExists: async (id: string) => plans.has(id),
    objectivesWithCode: jest.fn(async (_code: string, planId: string | undefined) =>
      objectives.filter((o) => !planId || o.id.startsWith(planId)),
    ),
  };
  const organizations = {
    findExisting: jest.fn(async (_em: unknown, n: { name: string }) => (known.has(n.name) ? { id: `org:${n.name}`, name: n.name } : null)),
  };
  const files = { readAll: async () => bytes } as unknown as ImportFilesService;
  const service = new WorkCellImportService(repo as unknown as ImportsRepository, files, organizations as unknown as OrganizationsService);
  return {
    service,
    names,
    known,
    repo,
    organizations,
    setObjectives: (o: LinkedObjective[]) => {
      objectives = o;
    },
  };
}

const imp = (options: Record<string, unknown> = {}) =>
  ({ id: 'imp', kind: 'work-cell', fileName: 'fiche.txt', size: FICHE.length, options, generation: 0 }) as Import;

describe('WorkCellImportService.read', () => {
  it("the fiche's cell, its one objective found in the only plan that has the code, every partner new", async () => {
    const s = setup();
    s.setObjectives([objective('plan-a:o1', 'Plan A')]);
    const r = await s.service.read(imp());
    expect(r.problems.items).toEqual([]);
    expect(r.cell?.name).toBe('Groupe de liaison (Immeubles Val-Martin)');
    expect(r.objective).toEqual(objective('plan-a:o1', 'Plan A'));
    const partners = r.cell?.partners.length ?? 0;
    expect(partners).toBeGreaterThan(0);
    expect(r.preview).toMatchObject({ counts: { partners, newOrganizations: partners } });
    // Outside a transaction, the directory is read on the connection's own manager.
    expect(s.organizations.findExisting.mock.calls[0][0]).toBe('manager');
  });

  it('partners already in the directory are shown as such and not counted as new', async () => {
    const s = setup();
    const first = (await s.service.read(imp())).preview as { partners: { organization: string }[]; counts: { newOrganizations: number } };
    s.known.add(first.partners[0].organization);
    const again = (await s.service.read(imp())).preview as typeof first & { partners: { existing: unknown }[] };
    expect(again.partners[0].existing).toEqual({ id: `org:${first.partners[0].organization}`, name: first.partners[0].organization });
    expect(again.counts.newOrganizations).toBe(first.counts.newOrganizations - 1);
  });

  it('a name already taken blocks the cell; another name in the options lifts it', async () => {
    const s = setup();
    s.names.add('Groupe de liaison (Immeubles Val-Martin)');
    const r = await s.service.read(imp());
    expect(r.problems.items.map((p) => [p.code, p.params])).toEqual([
      ['already_exists', { field: 'name', value: 'Groupe de liaison (Immeubles Val-Martin)' }],
    ]);
    expect(r.cell).toBeNull();
    const renamed = await s.service.read(imp({ name: '  Liaison 2 ' }));
    expect([renamed.problems.count, renamed.cell?.name]).toEqual([0, 'Liaison 2']);
  });

  it('a code found in several plans links none: the user chooses the plan', async () => {
    const s = setup();
    s.setObjectives([objective('plan-a:o1', 'A'), objective('plan-b:o2', 'B')]);
    expect((await s.service.read(imp())).objective).toBeNull();
    expect((await s.service.read(imp({ planId: 'plan-a' }))).objective).toEqual(objective('plan-a:o1', 'A'));
  });

  it('a chosen plan that does not exist, or has no such objective: a problem each', async () => {
    const s = setup();
    expect((await s.service.read(imp({ planId: 'gone' }))).problems.items.map((p) => p.code)).toEqual(['unknown_plan']);
    expect(s.repo.objectivesWithCode).not.toHaveBeenCalled();
    expect((await s.service.read(imp({ planId: 'plan-a' }))).problems.items.map((p) => [p.code, p.params])).toEqual([
      ['unknown_objective', { field: 'planId', value: '3.2.1' }],
    ]);
  });

  it('a spreadsheet is not a fiche', async () => {
    const s = setup(Buffer.from('a,b\n1,2\n'));
    const r = await s.service.read({ ...imp(), fileName: 'x.csv', size: 8 } as Import);
    expect(r.problems.items.map((p) => p.code)).toEqual(['not_a_fiche']);
    expect(s.repo.workCellNameTaken).not.toHaveBeenCalled();
  });
});

describe('WorkCellImportService.commit', () => {
  it('a work cell of that name created since the preview: back to the preview, nothing written', async () => {
    const s = setup();
    s.names.add('Groupe de liaison (Immeubles Val-Martin)');
    const r = await s.service.commit({} as never, imp());
    expect('problems' in r && r.problems.items.map((p) => p.code)).toEqual(['already_exists']);
  });
});
