import type { DataSource } from 'typeorm';
import type { ImportFilesService } from '../import-files.service';
import type { Import } from '../import.entity';
import type { ImportTransaction } from '../imports.repository';
import { ResponsesImportService } from './responses-import.service';
import { stagingTable } from './staging';

// The commit's decisions against a fake transaction: staged rows lost or short send the runner back to the file; the
// version the preview named is the one written; rows already imported are counted as skipped, not doubled. The
// staging and the INSERT … SELECT themselves are the e2e tests' (imports*, kill-midway) and the bench's.

const Q = 'questionnaire';
const imp = (preview: Record<string, unknown> | null = { rows: 3, questionnaire: { version: 2 } }) =>
  ({
    id: '11111111-2222-4333-8444-555555555555',
    kind: 'responses',
    generation: 4,
    options: { questionnaireId: Q },
    preview,
  }) as unknown as Import;

function setup(staged: number | null, fresh = staged ?? 0) {
  const tx = {
    stagedRows: jest.fn(async (_table: string) => staged),
    currentVersion: jest.fn(async () => 7),
    insertStaged: jest.fn(async (_table: string, _q: string, _version: number, _importId: string) => fresh),
  };
  const service = new ResponsesImportService({} as DataSource, {} as ImportFilesService);
  return { tx, commit: (i: Import, n: number) => service.commit(tx as unknown as ImportTransaction, i, n) };
}

describe('ResponsesImportService.commit', () => {
  it("writes the staged rows of the import's generation as answers to the version the preview named", async () => {
    const { tx, commit } = setup(3);
    const i = imp();
    expect(await commit(i, 3)).toEqual({ created: 3, skipped: 0 });
    expect(tx.stagedRows).toHaveBeenCalledWith(stagingTable(i.id, 4));
    expect(tx.insertStaged).toHaveBeenCalledWith(stagingTable(i.id, 4), Q, 2, i.id);
    expect(tx.currentVersion).not.toHaveBeenCalled();
  });

  it('rows already imported (same questionnaire, same key) are skipped, not doubled', async () => {
    const { commit } = setup(5, 2);
    expect(await commit(imp(), 5)).toEqual({ created: 2, skipped: 3 });
  });

  it('a preview that names no version: the current one', async () => {
    const { tx, commit } = setup(1);
    await commit(imp({ rows: 1 }), 1);
    expect(tx.insertStaged.mock.calls[0][2]).toBe(7);
  });

  it.each([
    ['gone', null],
    ['short', 2],
  ])('staged rows %s (PostgreSQL restarted since the analysis): null, nothing written', async (_what, staged) => {
    const { tx, commit } = setup(staged);
    expect(await commit(imp(), 3)).toBeNull();
    expect(tx.insertStaged).not.toHaveBeenCalled();
  });
});
