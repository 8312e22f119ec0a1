import { Fragment } from 'react';

const BOLD = /\*\*(.+?)\*\*/g;

/**
 * Plain text imported from the partners' documents: newlines are kept (CSS pre-line) and the
 * `**bold**` emphasis the fiches use is shown as bold instead of asterisks. Never HTML.
 */
export function RichText({ text, as: Tag = 'p', className }: { text: string; as?: 'p' | 'span' | 'div'; className?: string }) {
  const parts: Array<{ text: string; bold: boolean }> = [];
  let last = 0;
  for (const match of text.matchAll(BOLD)) {
    const index = match.index;
    if (index > last) parts.push({ text: text.slice(last, index), bold: false });
    parts.push({ text: match[1] ?? '', bold: true });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), bold: false });
  return (
    <Tag className={['text-block', className].filter(Boolean).join(' ')}>
      {parts.map((part, index) => (part.bold ? <strong key={index}>{part.text}</strong> : <Fragment key={index}>{part.text}</Fragment>))}
    </Tag>
  );
}
