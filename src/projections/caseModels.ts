import { type AgreementsDueModel, createAgreementsDue } from "./agreementsDue/agreementsDue.js";
import { type CaseListModel, createCaseList } from "./caseList/caseList.js";
import { type CaseViewModel, createCaseView } from "./caseView/caseView.js";
import type { ReadModel } from "./readModel.js";

export interface CaseReadModels {
  caseView: CaseViewModel;
  caseList: CaseListModel;
  agreementsDue: AgreementsDueModel;
  /** All three, for the projector's `models`. */
  all: ReadModel[];
}

/** The case-side read models; the list and the agreements answer through the case view (and so the policy). */
export function createCaseReadModels(): CaseReadModels {
  const caseView = createCaseView();
  const caseList = createCaseList(caseView);
  const agreementsDue = createAgreementsDue(caseView);
  return { caseView, caseList, agreementsDue, all: [caseView, caseList, agreementsDue] };
}
