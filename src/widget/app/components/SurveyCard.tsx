import { useLayoutEffect, useRef } from 'preact/hooks';
import type { SurveyModel } from '../models/surveyModel';
import { useI18n } from '../i18n';
import { Icon } from './Icon';
import { SurveyForm } from './SurveyForm';

/**
 * The compact survey card next to the launcher, placed there by CSS alone (survey.css: above the
 * launcher, on its side, kept on screen; its height capped to the room above the launcher). It never takes focus when it appears (a live
 * region announces it instead), Escape and ✕ dismiss it, and focus inside it goes back to the
 * launcher when it closes.
 */
export function SurveyCard({ model, launcher }: { model: SurveyModel; launcher: HTMLElement }) {
  const { t } = useI18n();
  const ref = useRef<HTMLElement>(null);
  const focusInside = useRef(false);
  const session = model.session.value;
  const visible = model.cardVisible.value && session !== null;
  const host = (launcher.getRootNode() as ShadowRoot).host as HTMLElement | undefined;
  // Which side it opens on, as Floating UI named it (styles and tests read it).
  const placement = host?.getAttribute('data-position') === 'bottom-start' ? 'top-start' : 'top-end';

  // Right after the render that removed the card, not a frame later: focus is never left on nothing.
  useLayoutEffect(() => {
    if (visible || !focusInside.current) return;
    focusInside.current = false;
    if (!model.session.peek()) launcher.focus();
  }, [visible]);

  return (
    <>
      <p class="visually-hidden" role="status">
        {visible ? t('survey.announce', { title: session.prompt.title }) : ''}
      </p>
      {visible ? (
        <section
          ref={ref}
          class="survey-card survey"
          part="survey"
          data-placement={placement}
          aria-labelledby="sadakat-survey-card-title"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            model.close();
          }}
          onFocusIn={() => (focusInside.current = true)}
          onFocusOut={(event) => {
            // Focus moved elsewhere on purpose; a removed button (no related target) still counts as inside.
            const to = event.relatedTarget as Node | null;
            if (to && !ref.current?.contains(to)) focusInside.current = false;
          }}
        >
          <header class="survey-card-head">
            <span class="survey-card-mark" aria-hidden="true">
              <Icon name="star" />
            </span>
            <h2 class="card-title survey-title" id="sadakat-survey-card-title">
              {session.prompt.title}
            </h2>
            <button type="button" class="icon-button survey-close" part="close-button" aria-label={t('survey.close')} onClick={() => model.close()}>
              <Icon name="close" />
            </button>
          </header>
          <SurveyForm model={model} idPrefix="sadakat-survey-card" onDone={() => model.close()} />
        </section>
      ) : null}
    </>
  );
}
