import "@/features/calls/components/calls.css";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";

import { problemMessage } from "@/components/problem-alert";
import type { VersionedCall } from "@/features/calls/api/get-call";
import type { PhaseKind } from "@/features/calls/api/get-calls";
import { BasicsSection } from "@/features/calls/components/call-form-basics";
import { FieldsSection } from "@/features/calls/components/call-form-fields";
import type { SectionProps } from "@/features/calls/components/call-form-parts";
import { PhasesSection } from "@/features/calls/components/call-form-phases";
import { RubricSection } from "@/features/calls/components/call-form-rubric";
import { PrioritiesSection, RulesSection } from "@/features/calls/components/call-form-rules";
import { TargetsSection } from "@/features/calls/components/call-form-targets";
import type { CallSavedState } from "@/features/calls/components/call-detail";
import { useSaveCall } from "@/features/calls/hooks/use-save-call";
import {
  callDraftOf,
  checkCallDraft,
  newCallDraft,
  phaseProblemsByKind,
  phasesSent,
  statusChoices,
  toCallBody,
  type CallDraft,
  type DraftMessages,
} from "@/features/calls/utils/call-form";
import { mergeProblems, problemsByPath } from "@/features/calls/utils/problems";
import { ApiProblem } from "@/lib/problem";

/** What the edit page says after a new call was created but could not be published. */
export type CallEditState = { publishProblem?: string };

type CallFormProps =
  | { mode: "create" }
  | {
      mode: "edit";
      versioned: VersionedCall;
      /** Fetches the call afresh (after a 412) and resolves to the current version. */
      onReload: () => Promise<VersionedCall | undefined>;
    };

/**
 * The admin's one form for a call, new or existing: basics, phases, rules, priorities, form fields, rubric and
 * targets. An existing call is saved with If-Match; the API's problems (409, 412, 422) are shown at the inputs
 * their `errors` paths name, and the rest at the top.
 */
export function CallForm(props: CallFormProps) {
  const { t } = useTranslation("calls");
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const publishProblem = (useLocation().state as CallEditState | null)?.publishProblem;
  const alertRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [base, setBase] = useState<VersionedCall | null>(props.mode === "edit" ? props.versioned : null);
  const [draft, setDraft] = useState<CallDraft>(() => (base ? callDraftOf(base.call) : newCallDraft()));
  const [localProblems, setLocalProblems] = useState<Record<string, string>>({});
  const [sentPhases, setSentPhases] = useState<PhaseKind[]>([]);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const save = useSaveCall();
  const problems = mergeProblems(localProblems, phaseProblemsByKind(problemsByPath(save.error), sentPhases));
  const status = save.error instanceof ApiProblem ? save.error.status : null;
  const problemCount = Object.keys(problems).length;
  const showAlert = save.isError || Object.keys(localProblems).length > 0;

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (showAlert) alertRef.current?.focus();
  }, [showAlert, save.error, localProblems]);

  const messages: DraftMessages = {
    required: t("check.required"),
    wholeNumber: t("check.wholeNumber"),
    codePattern: t("check.codePattern"),
    keyPattern: t("check.keyPattern"),
    yearRange: t("check.yearRange"),
    yearForPermanent: t("check.yearForPermanent"),
    score: t("check.score"),
    weight: t("check.weight"),
    dateTime: t("check.dateTime"),
    closesAfterOpens: t("check.closesAfterOpens"),
    optionsNeeded: t("check.optionsNeeded"),
    duplicateKey: t("check.duplicateKey"),
    submissionPhaseNeeded: t("check.submissionPhaseNeeded"),
    criterionNeeded: t("check.criterionNeeded"),
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setReloaded(false);
    const found = checkCallDraft(draft, messages);
    setLocalProblems(found);
    if (Object.keys(found).length > 0) {
      save.reset();
      return;
    }
    setSentPhases(phasesSent(draft));
    const body = toCallBody(draft);
    const request = base
      ? { mode: "edit" as const, id: base.call.id, etag: base.etag, body, status: draft.status }
      : { mode: "create" as const, body, status: draft.status };
    save.mutate(request, {
      onSuccess: ({ saved, publishError }) => {
        const id = saved.call.id;
        if (publishError) {
          const state: CallEditState = { publishProblem: problemMessage(publishError, tc("status.networkError")) };
          void navigate(`/calls/${id}/edit`, { state });
          return;
        }
        const movedToPublished = saved.call.status === "published" && base?.call.status !== "published";
        const state: CallSavedState = { saved: movedToPublished ? "published" : base ? "updated" : "created" };
        void navigate(`/calls/${id}`, { state });
      },
    });
  }

  async function reload() {
    if (props.mode !== "edit") return;
    setReloading(true);
    const fresh = await props.onReload();
    setReloading(false);
    if (!fresh) return;
    setBase(fresh);
    setDraft(callDraftOf(fresh.call));
    setLocalProblems({});
    save.reset();
    setReloaded(true);
  }

  const section: SectionProps = {
    draft,
    problems,
    onChange: (update) => setDraft(update),
    onRowsMoved: () => {
      if (save.isError) save.reset();
    },
  };
  const topProblems = problems[""];
  const title = base ? t("form.editTitle", { title: base.call.title }) : t("form.newTitle");
  const cancelTo = base ? `/calls/${base.call.id}` : "/calls";

  return (
    <div className="page calls-ui">
      <header className="page__header">
        <p className="breadcrumb">
          <Link to={cancelTo}>{base ? t("form.backToCall") : t("detail.back")}</Link>
        </p>
        <h1 id="call-form-title" ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        <p className="lead">{base ? t("form.editIntro") : t("form.newIntro")}</p>
      </header>
      {publishProblem && !save.isSuccess && (
        <div role="alert" className="alert alert--warning">
          <p className="alert__title">{t("form.publishFailedTitle")}</p>
          <p className="alert__body">{publishProblem}</p>
        </div>
      )}
      {reloaded && (
        <p role="status" className="alert alert--info">
          {t("form.reloaded")}
        </p>
      )}
      <form className="record-form call-form" aria-labelledby="call-form-title" onSubmit={handleSubmit} noValidate>
        {showAlert && (
          <div ref={alertRef} tabIndex={-1} role="alert" className="alert alert--error" data-testid="form-problems">
            <p className="alert__title">
              {status === 412
                ? t("form.staleTitle")
                : status === 409
                  ? t("form.refusedTitle")
                  : status === null && save.isError
                    ? t("form.notSavedTitle")
                    : t("form.fixTitle")}
            </p>
            {save.isError && <p className="alert__body">{problemMessage(save.error, tc("status.networkError"))}</p>}
            {topProblems && <p className="alert__body">{topProblems}</p>}
            {problemCount > 0 && <p className="alert__body">{t("form.marked", { count: problemCount })}</p>}
            {status === 412 && (
              <>
                <p className="alert__body">{t("form.staleHelp")}</p>
                <button type="button" className="button button--secondary" disabled={reloading} onClick={() => void reload()}>
                  {reloading ? t("form.reloading") : t("form.reload")}
                </button>
              </>
            )}
          </div>
        )}
        <BasicsSection {...section} statuses={statusChoices(base?.call.status ?? null)} />
        <PhasesSection {...section} />
        <RulesSection {...section} />
        <PrioritiesSection {...section} />
        <FieldsSection {...section} />
        <RubricSection {...section} />
        <TargetsSection {...section} />
        <div className="record-form__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t("form.saving") : base ? t("form.save") : t("form.create")}
          </button>
          <Link to={cancelTo} className="button button--secondary">
            {t("form.cancel")}
          </Link>
        </div>
      </form>
    </div>
  );
}
