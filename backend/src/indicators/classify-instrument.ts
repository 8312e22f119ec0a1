import { foldText } from '@backend/common/fold-text';
import { InstrumentKind } from '@backend/indicators/instrument-kind';

const QUESTIONNAIRE = /\b(questionnaires?|sondages?|enquetes?|surveys?|polls?)\b/;

const PARTICIPATION = [
  /\bparticipation\b/,
  /\b(nombre|nb|total) (de |d )?(participant(e)?s?|personnes?|presences?|inscriptions?|inscrit(e)?s?)\b/,
  /\bnumber of (participants?|people|persons|attendees)\b/,
  /\b(frequentation|attendance|presences?)\b/,
];

// Words that mean « we count something »: they decide before any document word, so that
// « Nombre de lettres d'appui » is a number to enter, not a letter to upload.
const COUNT = /\b(nombre|nb|number of|count|comptage|decompte|tally)\b/;

const DOCUMENT = new RegExp(
  [
    'comptes?[ -]rendus?',
    'pv',
    'proces[ -]verbaux',
    'proces[ -]verbal',
    'focus groups?',
    'groupes? de discussion',
    'forums?',
    'assemblees?',
    'consultations?',
    'observations?',
    'evaluations?',
    'lettres?',
    'besoins?',
    'rapports?',
    'minutes',
    'reports?',
  ]
    .map((word) => `\\b${word}\\b`)
    .join('|'),
);

// Weaker signs of a tally, only trusted when no document word is present:
// « Contacts avec les partenaires » is counted, « Compte rendu des contacts » is a document.
const WEAK_TALLY = /\b((code|cote)s? d ?ecoute|contacts?|disponibilites?|statistiques?|statistics|availability|audience)\b/;

const fold = foldText;

/**
 * Tells what kind of instrument a « Suivis » item is: a questionnaire, a participation count,
 * another tally entered by hand, or a document (the default: minutes, focus groups, letters… and
 * anything not recognized, since a document can always hold it).
 */
export function classifyInstrument(text: string): InstrumentKind {
  const folded = fold(text);
  if (QUESTIONNAIRE.test(folded)) return 'questionnaire';
  if (PARTICIPATION.some((pattern) => pattern.test(folded))) return 'participation_count';
  if (COUNT.test(folded)) return 'tally';
  if (DOCUMENT.test(folded)) return 'document';
  if (WEAK_TALLY.test(folded)) return 'tally';
  return 'document';
}
