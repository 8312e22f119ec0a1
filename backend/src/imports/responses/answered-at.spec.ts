import { parseAnsweredAt } from './answered-at';

describe(parseAnsweredAt.name, () => {
  it.each([
    ['2022-03-05 14:07:09', '2022-03-05 14:07:09'],
    ['2022-03-05 14:07', '2022-03-05 14:07:00'],
    ['2022-03-05T14:07:09', '2022-03-05 14:07:09'],
    ['2022-03-05T14:07:09.123Z', '2022-03-05 14:07:09+00'],
    ['2022-03-05T14:07:09Z', '2022-03-05 14:07:09+00'],
    ['2022-03-05T14:07:09-05:00', '2022-03-05 14:07:09-05:00'],
    ['2022-03-05 14:07:09 +01:00', '2022-03-05 14:07:09+01:00'],
    ['2022-03-05 14:07:09 UTC', '2022-03-05 14:07:09+00'],
    ['2022/03/05 2:07:09 PM', '2022-03-05 14:07:09'],
    ['2022/03/05 12:30 AM', '2022-03-05 00:30:00'],
    ['2022/03/05 12:30 p.m.', '2022-03-05 12:30:00'],
    ['05/03/2022 14:07', '2022-03-05 14:07:00'],
    ['5.3.2022 9:05', '2022-03-05 09:05:00'],
    ['  2022-03-05 14:07:09  ', '2022-03-05 14:07:09'],
  ])('reads « %s » as %s', (text, expected) => {
    // Act
    const answeredAt = parseAnsweredAt(text);

    // Assert
    expect(answeredAt).toBe(expected);
  });

  it.each([
    ['2022-03-05', '2022-03-05 12:00:00'],
    ['2022/03/05', '2022-03-05 12:00:00'],
    ['05/03/2022', '2022-03-05 12:00:00'],
  ])('reads the day alone « %s » as noon', (text, expected) => {
    // Act
    const answeredAt = parseAnsweredAt(text);

    // Assert
    expect(answeredAt).toBe(expected);
  });

  it.each([
    '31/02/2022',
    '2022-02-30 10:00',
    '2023-02-29',
    '2022-13-01',
    '2022-03-05 24:00',
    '2022-03-05 14:60',
    '2022-03-05 13:00 PM',
    '2022-03-05 0:30 AM',
    '2022-03-05 midi',
    'hier',
    '',
    '14:07',
  ])('refuses « %s »', (text) => {
    // Act
    const answeredAt = parseAnsweredAt(text);

    // Assert
    expect(answeredAt).toBeNull();
  });

  it('accepts 29 February of a leap year', () => {
    // Act
    const answeredAt = parseAnsweredAt('29/02/2024 08:00');

    // Assert
    expect(answeredAt).toBe('2024-02-29 08:00:00');
  });
});
