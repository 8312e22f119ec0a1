import { DataSource } from 'typeorm';

/** Counts the SQL statements the data source sends while `fn` runs: how a test proves there is no N+1. */
export async function countQueries<T>(db: DataSource, fn: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const queries: string[] = [];
  const logger = db.logger;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    queries.push(query);
    return original(query, parameters, runner);
  };
  try {
    return { result: await fn(), queries };
  } finally {
    logger.logQuery = original;
  }
}
