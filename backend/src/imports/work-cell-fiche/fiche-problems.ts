import { ImportProblem, problem } from '@backend/imports/import-problem';

// The fiche's problems in one place, so that their codes, params and English wording stay consistent.
// Rows are the text's 1-based lines; columns are the field label or table header as the fiche writes it.

export const FIELD_LABELS_AS_WRITTEN = {
  name: 'Nom de la cellule de travail',
  objective: "Sous-objectif du plan d'action",
  startDate: 'Date du début des travaux',
} as const;

const KNOWN_NETWORKS = 'Communautaire, Institutionnel, Philanthropique, Concertation locale, Bailleur de fonds';

export function notAFiche(): ImportProblem {
  const fields = Object.values(FIELD_LABELS_AS_WRITTEN).join(', ');
  return problem(
    null,
    null,
    'not_a_fiche',
    `The text is not a work cell fiche: it has none of its fields (${fields}) or sections (Mandat, Étapes des travaux, Partenaires impliqués).`,
  );
}

export function missingName(): ImportProblem {
  return problem(null, null, 'missing_field', `The fiche gives no work cell name ("${FIELD_LABELS_AS_WRITTEN.name} : …").`, {
    field: 'name',
  });
}

export function duplicateField(line: number, label: string, field: string, firstLine: number): ImportProblem {
  return problem(line, label, 'duplicate_field', `Line ${line}: "${label}" is given again (first on line ${firstLine}).`, { field });
}

export function badDate(line: number, label: string, value: string): ImportProblem {
  return problem(
    line,
    label,
    'bad_date',
    `Line ${line}: "${label}" is "${value}", which names no readable date (write e.g. "Hiver 2021" or "5 juin 2019").`,
    { value },
  );
}

export function missingOrganizationColumn(line: number, headers: readonly string[]): ImportProblem {
  return problem(
    line,
    null,
    'missing_column',
    `Line ${line}: the partners table has no Organisation column (headers: ${headers.join(', ')}).`,
    { column: 'Organisation' },
  );
}

export function wrongCellCount(line: number, headers: readonly string[], found: number): ImportProblem {
  const expected = headers.length;
  return problem(
    line,
    null,
    'wrong_cell_count',
    `Line ${line}: the partners table row has ${found} cells, expected ${expected} (${headers.join(', ')}).`,
    { expected, found },
  );
}

export function missingOrganization(line: number, column: string): ImportProblem {
  return problem(line, column, 'missing_field', `Line ${line}: the partners table row names no organization in column "${column}".`, {
    field: 'organization',
  });
}

export function unknownNetwork(line: number, column: string, value: string): ImportProblem {
  return problem(
    line,
    column,
    'unknown_network',
    `Line ${line}: "${value}" in column "${column}" is not a known network (${KNOWN_NETWORKS}).`,
    { value },
  );
}
