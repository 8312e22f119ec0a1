import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface TableCell {
  /** What the table shows. */
  text: string;
  /** What the clipboard gets, when it differs (a bare number instead of « 57,5 % »). */
  copy?: string;
  numeric?: boolean;
  suppressed?: boolean;
  /** A true figure whose published figure is suppressed (evaluators' view): outlined, its detail says so. */
  hiddenWhenPublished?: boolean;
  /** A second, smaller line under the text (n = 47). */
  detail?: string;
}

export interface TableColumn {
  label: string;
  numeric?: boolean;
}

export interface TableModel {
  caption: string;
  /** The header of the first column, over the row headers. */
  rowHeader: string;
  /** An optional first header row grouping the columns: each group spans `span` columns. */
  groups?: { label: string; span: number }[];
  columns: TableColumn[];
  rows: { header: string; cells: TableCell[] }[];
  /** A line the copied table starts with, above its headers: « NE PAS PUBLIER … » on true figures. */
  notice?: string;
}

const clean = (text: string): string => text.replace(/[\t\r\n]+/g, ' ');

/**
 * The table as tab-separated text, one line per row, headers first (after its notice, if any): what a spreadsheet
 * pastes into cells.
 */
export function toTsv(table: TableModel): string {
  const headers: string[] = [table.rowHeader];
  let columnIndex = 0;
  for (const group of table.groups ?? [{ label: '', span: table.columns.length }]) {
    for (let i = 0; i < group.span; i += 1) {
      const column = table.columns[columnIndex];
      columnIndex += 1;
      if (!column) continue;
      headers.push(group.label ? `${group.label} — ${column.label}` : column.label);
    }
  }
  const lines = [
    ...(table.notice ? [[table.notice]] : []),
    headers,
    ...table.rows.map((row) => [row.header, ...row.cells.map((cell) => cell.copy ?? cell.text)]),
  ];
  return lines.map((cells) => cells.map(clean).join('\t')).join('\n');
}

/** Copies through the Clipboard API, or, where it is refused (an http page, an old browser), a selected textarea. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    let copied: boolean;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    area.remove();
    return copied;
  }
}

/** The numbers behind a chart: an accessible table (caption, scoped headers) that scrolls sideways on a phone. */
export function DataTable({ table }: { table: TableModel }) {
  const { t } = useTranslation();
  const statusId = useId();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async (): Promise<void> => {
    setStatus((await copyText(toTsv(table))) ? 'copied' : 'failed');
  };

  return (
    <div className="data-table">
      {/* The caption is also written above the frame, where it wraps on a phone instead of scrolling away. */}
      <p className="data-table__title" aria-hidden="true">
        {table.caption}
      </p>
      <div className="table-wrap" tabIndex={0} role="group" aria-label={table.caption}>
        <table>
          <caption className="visually-hidden">{table.caption}</caption>
          <thead>
            {table.groups ? (
              <tr>
                <td />
                {table.groups.map((group, index) => (
                  <th key={`${group.label}-${index}`} scope="colgroup" colSpan={group.span} className="data-table__group">
                    {group.label}
                  </th>
                ))}
              </tr>
            ) : null}
            <tr>
              <th scope="col">{table.rowHeader}</th>
              {table.columns.map((column, index) => (
                <th key={`${column.label}-${index}`} scope="col" className={column.numeric ? 'numeric' : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => (
              <tr key={`${row.header}-${rowIndex}`}>
                <th scope="row">{row.header}</th>
                {row.cells.map((cell, index) => (
                  <td
                    key={index}
                    className={
                      [
                        cell.numeric ? 'numeric' : '',
                        cell.suppressed ? 'suppressed' : '',
                        cell.hiddenWhenPublished ? 'hidden-when-published' : '',
                      ]
                        .filter(Boolean)
                        .join(' ') || undefined
                    }
                  >
                    {cell.text}
                    {cell.detail ? <span className="data-table__detail">{cell.detail}</span> : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="data-table__actions">
        <button type="button" className="button button--secondary" onClick={() => void copy()} aria-describedby={statusId}>
          {t('dashboard.copyTable')}
        </button>
        <span
          id={statusId}
          role="status"
          className={status === 'failed' ? 'data-table__status data-table__status--error' : 'data-table__status'}
        >
          {status === 'copied' ? t('dashboard.copied') : status === 'failed' ? t('dashboard.copyFailed') : ''}
        </span>
      </p>
    </div>
  );
}
