import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { DataSource, MoreThan } from 'typeorm';
import { backend } from './dist';

// The naive baseline, a process of its own with a bounded heap (the parent starts it with
// --max-old-space-size): the rows loaded as Response entities through TypeORM, the two indicators aggregated
// in JavaScript (per month × category: counts, and the share of « yes » among those who answered). Months are
// taken in UTC (toISOString), which is cheaper than the recompute's America/Toronto months: it favours the
// baseline. `all` is one repo.find(); `paged` reads pages of `pageSize` in id order (keyset, not OFFSET),
// which is as kind to the baseline as paging gets. Answers are stored under their version's short answer keys
// (answer-keys.ts): the three questions' keys are read once from the version (QuestionnaireVersion.answerKeys, the
// same in every version of a questionnaire) and each row's answers read by key — cheaper than mapping every row back
// with fromStoredAnswers, which favours the baseline too.

export interface NaiveOptions {
  url: string;
  questionnaireId: string;
  mode: 'all' | 'paged';
  pageSize: number;
  /** A version of the questionnaire, whose answer keys the answers are read by. */
  version: number;
  /** Question ids. */
  questions: { gender: string; age: string; knows: string };
  out: string;
}

export interface NaiveResult {
  mode: 'all' | 'paged';
  rows: number;
  cells: number;
  loadMs: number;
  aggregateMs: number;
  totalMs: number;
  peakRssMb: number;
  peakHeapMb: number;
}

interface Acc {
  count: number;
  yes: number;
  answered: number;
}

async function main(): Promise<void> {
  const o = JSON.parse(process.argv[2]) as NaiveOptions;
  const { Response } = backend.response();
  const { QuestionnaireVersion } = backend.questionnaireVersion();
  const ds = await new DataSource({ ...backend.dataSourceOptions().dataSourceOptions(o.url), extra: { max: 2 } }).initialize();
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 50);
  const cells = new Map<string, Acc>();
  const add = (key: string, yes: boolean, answered: boolean) => {
    const acc = cells.get(key) ?? { count: 0, yes: 0, answered: 0 };
    acc.count += 1;
    if (answered) acc.answered += 1;
    if (yes) acc.yes += 1;
    cells.set(key, acc);
  };
  const category = (answers: Record<string, unknown>, q: string) =>
    !(q in answers) ? 'not_answered' : answers[q] === null ? 'prefer_not' : String(answers[q]);
  let loadMs = 0;
  let aggregateMs = 0;
  let rows = 0;
  const aggregate = (page: InstanceType<typeof Response>[]) => {
    const t = performance.now();
    for (const r of page) {
      const month = r.answeredAt.toISOString().slice(0, 7);
      const answered = key.knows in r.answers && r.answers[key.knows] !== null;
      const yes = answered && r.answers[key.knows] === true;
      add(`${month}||`, yes, answered);
      add(`${month}|gender|${category(r.answers, key.gender)}`, yes, answered);
      add(`${month}|age_group|${category(r.answers, key.age)}`, yes, answered);
    }
    rows += page.length;
    aggregateMs += performance.now() - t;
  };
  const started = performance.now();
  const { answerKeys } = await ds
    .getRepository(QuestionnaireVersion)
    .findOneByOrFail({ questionnaireId: o.questionnaireId, version: o.version });
  const key = { gender: answerKeys[o.questions.gender], age: answerKeys[o.questions.age], knows: answerKeys[o.questions.knows] };
  const repo = ds.getRepository(Response);
  if (o.mode === 'all') {
    const t = performance.now();
    const all = await repo.find({ where: { questionnaireId: o.questionnaireId } });
    loadMs = performance.now() - t;
    sample();
    aggregate(all);
  } else {
    let last: string | undefined;
    for (;;) {
      const t = performance.now();
      const page = await repo.find({
        where: { questionnaireId: o.questionnaireId, ...(last ? { id: MoreThan(last) } : {}) },
        order: { id: 'ASC' },
        take: o.pageSize,
      });
      loadMs += performance.now() - t;
      sample();
      if (page.length === 0) break;
      aggregate(page);
      last = page[page.length - 1].id;
    }
  }
  const totalMs = performance.now() - started;
  clearInterval(sampler);
  await ds.destroy();
  const result: NaiveResult = {
    mode: o.mode,
    rows,
    cells: cells.size,
    loadMs,
    aggregateMs,
    totalMs,
    peakRssMb: peakRss / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
  };
  writeFileSync(o.out, JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.stack ?? err.message);
    process.exit(1);
  },
);
