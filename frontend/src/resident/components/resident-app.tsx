import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AnswerValue } from '@repere/contract';
import type { PublicApiError, PublicQuestionnaire } from '@/resident/api/public-api';
import { LanguagePicker } from '@/resident/components/language-picker';
import { QuestionStep } from '@/resident/components/question-step';
import { useIdle } from '@/resident/hooks/use-idle';
import { useQuestionnaire } from '@/resident/hooks/use-questionnaire';
import { useSubmission } from '@/resident/hooks/use-submission';
import {
  buildResponse,
  countedQuestions,
  validateAnswer,
  visibleQuestions,
  type DraftAnswers,
  type ValidationError,
} from '@/resident/lib/answers';
import { deviceLanguages, directionOf, primaryTag } from '@/resident/lib/languages';
import { translator, uiLanguageFor, type Translate } from '@/resident/lib/messages';
import {
  clearAll,
  clearDraft,
  clearPending,
  loadDraft,
  loadOutbox,
  loadPending,
  moveToOutbox,
  newIdempotencyKey,
  removeFromOutbox,
  savePending,
  saveDraft,
  type PendingSubmission,
} from '@/resident/lib/storage';

type Stage = 'intro' | 'question' | 'sending' | 'done' | 'rejected' | 'closed';

/** A message under a question: one of ours (translated when the language changes) or the server's own words. */
type FieldError = ValidationError | { text: string };

function urlLanguage(): string | null {
  const value = new URLSearchParams(window.location.search).get('lang');
  return value ? primaryTag(value) : null;
}

function showLanguageInUrl(language: string | null): void {
  const url = new URL(window.location.href);
  if (language) url.searchParams.set('lang', language);
  else url.searchParams.delete('lang');
  window.history.replaceState(window.history.state, '', url);
}

function errorText(error: FieldError | undefined, t: Translate): string | null {
  if (!error) return null;
  return 'text' in error ? error.text : t(error.key, error.values);
}

export function ResidentApp({ slug }: { slug: string }) {
  // Each piece read from storage by itself, once: no object holding a resident's draft outlives the first render
  // (a kiosk's next resident must leave nothing of the previous one in memory either).
  const [answers, setAnswers] = useState<DraftAnswers>(() => loadDraft(slug).answers);
  const [current, setCurrent] = useState<string | null>(() => loadDraft(slug).current);
  // The URL's language when the page opened (a QR code can preselect one): where a kiosk goes back to.
  const [startLanguage] = useState(urlLanguage);
  const [chosenLanguage, setChosenLanguage] = useState<string | null>(() => startLanguage ?? loadDraft(slug).language);
  const [deviceChoice, setDeviceChoice] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingSubmission | null>(() => loadPending(slug));
  const [stage, setStage] = useState<Stage>(() => (loadPending(slug) ? 'sending' : loadDraft(slug).current ? 'question' : 'intro'));
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [rejection, setRejection] = useState<PublicApiError | null>(null);
  // A kiosk's responses sent while offline, handed over when the next resident started: sent one after another.
  const [outbox, setOutbox] = useState<PendingSubmission[]>(() => loadOutbox(slug));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pendingRef = useRef(pending);
  pendingRef.current = pending;

  const requested = chosenLanguage ?? deviceChoice ?? deviceLanguages()[0] ?? null;
  const questionnaire = useQuestionnaire(slug, requested);
  const data = questionnaire.data;

  const contentLanguage = data?.language ?? pending?.body.language ?? requested ?? 'fr';
  const uiLanguage = uiLanguageFor(contentLanguage);
  const t = translator(uiLanguage);
  // The page's own words carry their language when it is not the questionnaire's (Punjabi text, English buttons).
  const uiLang = uiLanguage === contentLanguage ? undefined : uiLanguage;

  // The phone's language wins over the default when the questionnaire has it, even if it is not the first one
  // the phone lists (a phone set to Punjabi, then English, gets English when Punjabi is missing).
  useEffect(() => {
    if (!data || chosenLanguage || deviceChoice) return;
    const best = deviceLanguages().find((language) => data.languages.includes(language));
    if (best && best !== data.language) setDeviceChoice(best);
  }, [data, chosenLanguage, deviceChoice]);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = contentLanguage;
    root.dir = data?.direction ?? directionOf(contentLanguage);
  }, [contentLanguage, data?.direction]);

  useEffect(() => {
    if (data?.title) document.title = data.title;
  }, [data?.title]);

  // Every change is on the phone at once: a closed tab or a reload resumes where the resident was. Nothing answered
  // yet on the first screen is nothing to keep (a kiosk's next resident leaves no draft behind).
  useEffect(() => {
    if (stage === 'done') return;
    if (stage === 'intro' && Object.keys(answers).length === 0) clearDraft(slug);
    else saveDraft(slug, { answers, current: stage === 'intro' ? null : current, language: chosenLanguage });
  }, [slug, answers, current, chosenLanguage, stage]);

  // Each screen starts at its heading, so a screen reader reads the new question and keyboard users go on
  // from there. Not on the first render: the page has just loaded and the reader starts at the top anyway.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
    window.scrollTo(0, 0);
  }, [stage, current]);

  const onStored = useCallback(() => {
    clearAll(slug);
    setPending(null);
    setAnswers({});
    setCurrent(null);
    setErrors({});
    setStage('done');
  }, [slug]);

  const onRejected = useCallback(
    (error: PublicApiError) => {
      clearPending(slug);
      setPending(null);
      if (error.status === 410) {
        setStage('closed');
        return;
      }
      const perQuestion: Record<string, FieldError> = {};
      for (const item of error.body?.errors ?? []) {
        const id = item.questionId ?? item.field;
        if (id) perQuestion[id] = { text: item.message };
      }
      const firstId = data?.questions.find((question) => perQuestion[question.id])?.id;
      if (error.status === 400 && firstId) {
        setErrors(perQuestion);
        setCurrent(firstId);
        setStage('question');
        return;
      }
      setRejection(error);
      setStage('rejected');
    },
    [slug, data],
  );

  // A pending submission leaves once the questionnaire is loaded: a refusal must find the question it names.
  const submission = useSubmission(slug, data ? pending : null, onStored, onRejected);

  // The outbox's first response goes out (same key, same body, with backoff) until the server has it; then the next.
  // A refusal is final there too: nobody is left on the page to correct it.
  const outboxHead = outbox[0] ?? null;
  const dropFromOutbox = useCallback(() => {
    if (!outboxHead) return;
    const key = outboxHead.idempotencyKey;
    removeFromOutbox(slug, key);
    setOutbox((previous) => previous.filter((item) => item.idempotencyKey !== key));
  }, [slug, outboxHead]);
  useSubmission(slug, outboxHead, dropFromOutbox, dropFromOutbox);

  const kiosk = data?.kiosk === true;

  /**
   * A kiosk's next resident: nothing of the previous one stays, on screen, in memory or in storage. A response still
   * waiting for a connection is not lost: it moves to the outbox, which sends it and then forgets it.
   */
  const startOver = useCallback(() => {
    const waiting = pendingRef.current;
    if (waiting) {
      moveToOutbox(slug, waiting);
      setOutbox((previous) => [...previous.filter((item) => item.idempotencyKey !== waiting.idempotencyKey), waiting]);
      pendingRef.current = null;
      setPending(null);
    }
    clearDraft(slug);
    setAnswers({});
    setCurrent(null);
    setErrors({});
    setRejection(null);
    setChosenLanguage(startLanguage);
    showLanguageInUrl(startLanguage);
    setStage('intro');
  }, [slug, startLanguage]);

  const untouched = stage === 'intro' && Object.keys(answers).length === 0 && chosenLanguage === startLanguage;
  useIdle(kiosk && !untouched, startOver);

  const chooseLanguage = (language: string): void => {
    setChosenLanguage(language);
    showLanguageInUrl(language);
  };

  const setAnswer = (questionId: string, value: AnswerValue | undefined): void => {
    setAnswers((previous) => {
      const next = { ...previous };
      if (value === undefined) delete next[questionId];
      else next[questionId] = value;
      return next;
    });
    setErrors((previous) => {
      if (!(questionId in previous)) return previous;
      const next = { ...previous };
      delete next[questionId];
      return next;
    });
  };

  const submit = (questionnaireData: PublicQuestionnaire): void => {
    if (pendingRef.current) return;
    const visible = visibleQuestions(questionnaireData.questions, answers);
    const found: Record<string, FieldError> = {};
    for (const question of visible) {
      const error = validateAnswer(question, answers[question.id]);
      if (error) found[question.id] = error;
    }
    const firstInvalid = visible.find((question) => found[question.id]);
    if (firstInvalid) {
      setErrors(found);
      setCurrent(firstInvalid.id);
      return;
    }
    // One key for this response, stored with it before the first try: every retry, from this tab or after
    // a reload, sends the same key and body, and the server keeps one response.
    const next: PendingSubmission = {
      idempotencyKey: newIdempotencyKey(),
      body: buildResponse(questionnaireData, answers),
      createdAt: new Date().toISOString(),
    };
    savePending(slug, next);
    pendingRef.current = next;
    setPending(next);
    setStage('sending');
  };

  const header = (
    <header className="r-header">
      <div className="r-header__inner">
        <p className="r-header__title" dir="auto">
          {data?.title ?? '\u00a0'}
        </p>
        {data && data.languages.length > 1 && (stage === 'intro' || stage === 'question') ? (
          <LanguagePicker
            label={t('language')}
            labelLanguage={uiLang}
            languages={data.languages}
            value={data.language}
            busy={questionnaire.loading}
            onChange={chooseLanguage}
          />
        ) : null}
      </div>
    </header>
  );

  let body: ReactNode;
  if (stage === 'sending') {
    const waiting = submission.phase === 'waiting';
    body = (
      <section className="r-screen" lang={uiLang}>
        <h1 ref={headingRef} tabIndex={-1}>
          {waiting ? t('offlineTitle') : t('sendingTitle')}
        </h1>
        <div role="status" className={waiting ? 'r-status r-status--waiting' : 'r-status'}>
          <p>{waiting ? (kiosk ? t('kioskOffline') : submission.offline ? t('offline') : t('serverWait')) : t('sending')}</p>
        </div>
        {waiting ? (
          <div className="r-nav">
            <button type="button" className="r-button r-button--secondary" onClick={submission.sendNow}>
              {t('sendNow')}
            </button>
            {kiosk ? (
              <button type="button" className="r-button r-button--primary" onClick={startOver}>
                {t('newResponse')}
              </button>
            ) : null}
          </div>
        ) : (
          <span className="r-spinner" aria-hidden="true" />
        )}
      </section>
    );
  } else if (stage === 'done') {
    body = (
      <section className="r-screen r-screen--done" lang={uiLang}>
        <div role="status">
          <h1 ref={headingRef} tabIndex={-1}>
            {t('thanks')}
          </h1>
        </div>
        {kiosk ? (
          <>
            <p>{t('kioskThanksBody')}</p>
            <button type="button" className="r-button r-button--primary" onClick={startOver}>
              {t('newResponse')}
            </button>
          </>
        ) : (
          <p>{t('thanksBody')}</p>
        )}
      </section>
    );
  } else if (stage === 'closed' || questionnaire.error?.status === 410) {
    body = (
      <section className="r-screen" lang={uiLang}>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('closed')}
        </h1>
      </section>
    );
  } else if (stage === 'rejected') {
    body = (
      <section className="r-screen" lang={uiLang}>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('rejectedTitle')}
        </h1>
        <div role="alert" className="r-status r-status--error">
          <p>{rejection?.body?.message || t('loadFailed')}</p>
        </div>
        <button type="button" className="r-button r-button--secondary" onClick={() => setStage('question')}>
          {t('backToAnswers')}
        </button>
      </section>
    );
  } else if (!data) {
    const error = questionnaire.error;
    body = (
      <section className="r-screen" lang={uiLang}>
        {error ? (
          <>
            <h1 ref={headingRef} tabIndex={-1}>
              {error.status === 404 ? t('notFound') : t('loadFailed')}
            </h1>
            {error.status !== 404 ? (
              <button type="button" className="r-button r-button--secondary" onClick={questionnaire.reload}>
                {t('retry')}
              </button>
            ) : null}
          </>
        ) : (
          <p role="status" className="r-status">
            <span className="r-spinner" aria-hidden="true" /> {t('loading')}
          </p>
        )}
      </section>
    );
  } else {
    const visible = visibleQuestions(data.questions, answers);
    if (visible.length === 0) {
      body = (
        <section className="r-screen" lang={uiLang}>
          <h1 ref={headingRef} tabIndex={-1}>
            {t('empty')}
          </h1>
        </section>
      );
    } else if (stage === 'intro') {
      const resuming = Object.keys(answers).length > 0;
      body = (
        <section className="r-screen r-intro">
          <h1 ref={headingRef} tabIndex={-1} dir="auto">
            {data.title}
          </h1>
          {data.description ? (
            <p className="r-intro__description" dir="auto">
              {data.description}
            </p>
          ) : null}
          <p className="r-muted" lang={uiLang}>
            {t('questionCount', { count: countedQuestions(data.questions, answers, null).length })} · {t('anonymous')}
          </p>
          <button
            type="button"
            className="r-button r-button--primary"
            lang={uiLang}
            onClick={() => {
              setCurrent(visible[0]?.id ?? null);
              setStage('question');
            }}
          >
            {resuming ? t('resume') : t('start')}
          </button>
        </section>
      );
    } else {
      const found = visible.findIndex((question) => question.id === current);
      const index = found === -1 ? 0 : found;
      const question = visible[index] as (typeof visible)[number];
      const isLast = index === visible.length - 1;
      const counted = countedQuestions(data.questions, answers, question.id);
      const number = counted.findIndex((candidate) => candidate.id === question.id) + 1;
      const onNext = (event: FormEvent<HTMLFormElement>): void => {
        event.preventDefault();
        const error = validateAnswer(question, answers[question.id]);
        if (error) {
          setErrors((previous) => ({ ...previous, [question.id]: error }));
          return;
        }
        if (isLast) submit(data);
        else setCurrent(visible[index + 1]?.id ?? null);
      };
      const onPrevious = (): void => {
        if (index === 0) setStage('intro');
        else setCurrent(visible[index - 1]?.id ?? null);
      };
      const serverLevelErrors = Object.keys(errors).filter((id) => !visible.some((q) => q.id === id)).length;
      body = (
        <form className="r-screen r-step" onSubmit={onNext} noValidate aria-busy={questionnaire.loading || undefined}>
          <p className="r-progress" lang={uiLang}>
            {t('progress', { current: number, total: counted.length })}
          </p>
          <div className="r-progress__track" aria-hidden="true">
            <span className="r-progress__fill" style={{ width: `${(number / counted.length) * 100}%` }} />
          </div>
          {serverLevelErrors > 0 ? (
            <p className="r-error" role="alert" lang={uiLang}>
              {t('fixAnswers')}
            </p>
          ) : null}
          <QuestionStep
            key={question.id}
            question={question}
            value={answers[question.id]}
            error={errorText(errors[question.id], t)}
            t={t}
            headingRef={headingRef}
            onChange={(value) => setAnswer(question.id, value)}
          />
          <div className="r-nav" lang={uiLang}>
            <button type="button" className="r-button r-button--secondary" onClick={onPrevious}>
              {t('previous')}
            </button>
            <button type="submit" className="r-button r-button--primary">
              {isLast ? t('submit') : t('next')}
            </button>
          </div>
        </form>
      );
    }
  }

  return (
    <>
      {header}
      <main id="main" className="r-main">
        {body}
      </main>
    </>
  );
}
