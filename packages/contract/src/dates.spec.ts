import { isRealDate } from './dates';

// Plan dates, cut-offs, participation days and date answers: one rule on the API and in the web app.
describe(isRealDate.name, () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-1-01', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['0050-01-01', true],
    ['2024-01-01T00:00:00Z', false],
    [' 2024-01-01', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isRealDate(value)).toBe(expected);
  });
});
