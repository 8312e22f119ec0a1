import type { DemoWorkStep } from '@backend/demo/demo-data.types';
import { parseFrenchPeriod } from '@backend/plans/schedule/parse-schedule';
import { FicheLine, isBlank } from './fiche-layout';
import { repairText } from './fiche-text';

// A list item's bullet or number (« - », « * », « • », « 1. », « 2) »).
const LIST_MARKER = /^\s*(?:[-*+•◦▪–]|\d{1,3}[.)])\s+/u;
const MARKDOWN_HEADING = /^#{1,6}\s+/;
// The fiches tick the steps that are done; Markdown task lists write « [x] ».
const DONE_MARK = /^(?:[✓✔☑✅]\uFE0F?|\[[xX]\])\s*/u;
const TODO_MARK = /^(?:[☐□]|\[ \])\s*/u;
// « PHASE 1 : », « <u>PHASE 2</u>: », « Phase II – »: a separator or nothing after it, so that a step worded
// « Phase 1 du projet terminée » is not mistaken for one.
const PHASE_PREFIX = /^(phase\s+(?:\d+|[ivxlc]+|[a-z])\b)\s*(?:[:.–—-]\s*|$)/iu;
const PARENTHESIS = /\(([^()]+)\)/g;

interface StepDraft {
  readonly parts: string[];
}

/**
 * Items are list items (a continuation line without a marker goes on the item) or, without markers,
 * paragraphs: the seeds show both.
 */
function draftsOf(lines: readonly FicheLine[]): StepDraft[] {
  const drafts: StepDraft[] = [];
  let current: StepDraft | null = null;
  for (const line of lines) {
    if (isBlank(line)) {
      current = null;
      continue;
    }
    const marker = LIST_MARKER.exec(line.text);
    if (marker !== null || current === null) {
      current = { parts: [marker === null ? line.text : line.text.slice(marker[0].length)] };
      drafts.push(current);
    } else {
      current.parts.push(line.text);
    }
  }
  return drafts;
}

/** The month or season a step names in parentheses (« (novembre 2019) »), not « (Dynamo) ». */
function dateTextOf(text: string): string | null {
  for (const match of text.matchAll(PARENTHESIS)) {
    const inside = match[1].trim();
    if (parseFrenchPeriod(inside, 'start') !== null) return inside;
  }
  return null;
}

export function parseSteps(lines: readonly FicheLine[]): DemoWorkStep[] {
  const steps: DemoWorkStep[] = [];
  // A phase heads its step and every step after it, until the next phase.
  let phase: string | null = null;
  for (const draft of draftsOf(lines)) {
    let text = repairText(draft.parts.join(' ')).replace(MARKDOWN_HEADING, '');
    let done = false;
    // The tick and the phase come in either order (« ✓ PHASE 1 : … », « PHASE 1 : ✓ … »).
    for (let pass = 0; pass < 2; pass += 1) {
      const tick = DONE_MARK.exec(text) ?? TODO_MARK.exec(text);
      if (tick !== null) {
        done = done || DONE_MARK.test(tick[0]);
        text = text.slice(tick[0].length);
      }
      const phaseMatch = PHASE_PREFIX.exec(text);
      if (phaseMatch !== null) {
        phase = phaseMatch[1].replace(/\s+/g, ' ');
        text = text.slice(phaseMatch[0].length);
      }
    }
    // A phase on a line of its own (« PHASE 2 : ») heads the steps that follow.
    if (text === '') continue;
    steps.push({ text, done, phase, dateText: dateTextOf(text) });
  }
  return steps;
}
