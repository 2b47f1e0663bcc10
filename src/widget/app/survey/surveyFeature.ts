/**
 * The survey chunk: loaded by the panel module only when a survey is asked, the survey view opens,
 * or an earlier page left answers in the outbox. It brings the survey model (outbox included),
 * its components and the survey stylesheet, none of which the panel needs otherwise.
 */
import surveyCss from '../../styles/survey.css?inline';
import { SurveyCard } from '../components/SurveyCard';
import { SurveyView } from '../components/SurveyView';
import { SurveyModel, type SurveyModelDeps } from '../models/surveyModel';

export interface SurveyFeature {
  model: SurveyModel;
  Card: typeof SurveyCard;
  View: typeof SurveyView;
  dispose(): void;
}

export function createSurveyFeature(deps: SurveyModelDeps): SurveyFeature {
  const removeStyles = deps.context.addStyles(surveyCss);
  const model = new SurveyModel(deps);
  return {
    model,
    Card: SurveyCard,
    View: SurveyView,
    dispose() {
      model[Symbol.dispose]();
      removeStyles();
    },
  };
}
