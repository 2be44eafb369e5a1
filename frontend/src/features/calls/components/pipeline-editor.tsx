import "@/features/calls/components/calls.css";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert, problemMessage } from "@/components/problem-alert";
import { usePipeline, type VersionedPipeline } from "@/features/calls/api/get-pipeline";
import { useReplacePipeline } from "@/features/calls/api/replace-pipeline";
import { PipelineStagesTable, PipelineTransitionsTable } from "@/features/calls/components/pipeline-tables";
import { KEY_PATTERN } from "@/features/calls/utils/call-form";
import { listProblems, pipelineDraftOf, toPipelineBody, type PipelineDraft } from "@/features/calls/utils/pipeline";
import { problemList } from "@/features/calls/utils/problems";
import { ApiProblem } from "@/lib/problem";

/** /calls/:id/pipeline: the admin edits the call's stages and transitions as tables, saved with If-Match. */
export function PipelinePage({ id }: { id: string }) {
  const { t } = useTranslation("calls");
  const query = usePipeline(id);
  if (query.isPending) {
    return (
      <div className="page calls-ui">
        <Loading />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="page calls-ui">
        <p className="breadcrumb">
          <Link to={`/calls/${id}`}>{t("form.backToCall")}</Link>
        </p>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  return <PipelineEditor id={id} versioned={query.data} onReload={async () => (await query.refetch()).data} />;
}

type EditorProps = {
  id: string;
  versioned: VersionedPipeline;
  onReload: () => Promise<VersionedPipeline | undefined>;
};

type LocalProblem = { path: string; message: string };

function PipelineEditor({ id, versioned, onReload }: EditorProps) {
  const { t } = useTranslation("calls");
  const { t: tc } = useTranslation();
  const alertRef = useRef<HTMLDivElement>(null);
  const [base, setBase] = useState(versioned);
  const [draft, setDraft] = useState<PipelineDraft>(() => pipelineDraftOf(versioned.pipeline));
  const [local, setLocal] = useState<LocalProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const [reloading, setReloading] = useState(false);
  const replace = useReplacePipeline(id);
  const problems = [...local, ...problemList(replace.error)];
  const status = replace.error instanceof ApiProblem ? replace.error.status : null;
  const showAlert = replace.isError || local.length > 0;

  useEffect(() => {
    if (showAlert) alertRef.current?.focus();
  }, [showAlert, replace.error, local]);

  function check(): LocalProblem[] {
    const found: LocalProblem[] = [];
    draft.stages.forEach((stage, i) => {
      if (!KEY_PATTERN.test(stage.key.trim())) found.push({ path: `stages.${i}.key`, message: t("check.keyPattern") });
      if (!stage.label.trim()) found.push({ path: `stages.${i}.label`, message: t("check.required") });
    });
    draft.transitions.forEach((transition, i) => {
      if (!KEY_PATTERN.test(transition.key.trim())) {
        found.push({ path: `transitions.${i}.key`, message: t("check.keyPattern") });
      }
      if (!transition.label.trim()) found.push({ path: `transitions.${i}.label`, message: t("check.required") });
      if (transition.actors.length === 0) found.push({ path: `transitions.${i}.actors`, message: t("check.actorNeeded") });
    });
    return found;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const found = check();
    setLocal(found);
    if (found.length > 0) {
      replace.reset();
      return;
    }
    replace.mutate(
      { etag: base.etag, body: toPipelineBody(draft) },
      {
        onSuccess: (fresh) => {
          setBase(fresh);
          setDraft(pipelineDraftOf(fresh.pipeline));
          setSaved(true);
        },
      },
    );
  }

  async function reload() {
    setReloading(true);
    const fresh = await onReload();
    setReloading(false);
    if (!fresh) return;
    setBase(fresh);
    setDraft(pipelineDraftOf(fresh.pipeline));
    setLocal([]);
    replace.reset();
  }

  const change = (update: (draft: PipelineDraft) => PipelineDraft) => {
    setSaved(false);
    setDraft(update);
  };
  const rowsMoved = () => {
    if (replace.isError) replace.reset();
    setLocal([]);
  };
  const general = listProblems(problems, "");

  return (
    <div className="page calls-ui">
      <header className="page__header">
        <p className="breadcrumb">
          <Link to={`/calls/${id}`}>{t("form.backToCall")}</Link>
        </p>
        <h1 id="pipeline-title">{t("pipeline.editTitle")}</h1>
        <p className="lead">{t("pipeline.editIntro")}</p>
      </header>
      {saved && (
        <p role="status" className="alert alert--success">
          {t("pipeline.saved")}
        </p>
      )}
      <form className="record-form pipeline-editor" aria-labelledby="pipeline-title" onSubmit={handleSubmit} noValidate>
        {showAlert && (
          <div ref={alertRef} tabIndex={-1} role="alert" className="alert alert--error" data-testid="form-problems">
            <p className="alert__title">
              {status === 412 ? t("form.staleTitle") : status === 409 ? t("form.refusedTitle") : t("form.fixTitle")}
            </p>
            {replace.isError && <p className="alert__body">{problemMessage(replace.error, tc("status.networkError"))}</p>}
            {general.map((message) => (
              <p key={message} className="alert__body">
                {message}
              </p>
            ))}
            {problems.length > 0 && <p className="alert__body">{t("pipeline.marked", { count: problems.length })}</p>}
            {status === 412 && (
              <>
                <p className="alert__body">{t("pipeline.staleHelp")}</p>
                <button type="button" className="button button--secondary" disabled={reloading} onClick={() => void reload()}>
                  {reloading ? t("form.reloading") : t("form.reload")}
                </button>
              </>
            )}
          </div>
        )}
        <PipelineStagesTable draft={draft} problems={problems} onChange={change} onRowsMoved={rowsMoved} />
        <PipelineTransitionsTable draft={draft} problems={problems} onChange={change} onRowsMoved={rowsMoved} />
        <div className="record-form__actions">
          <button type="submit" className="button button--primary" disabled={replace.isPending}>
            {replace.isPending ? t("form.saving") : t("pipeline.save")}
          </button>
          <Link to={`/calls/${id}`} className="button button--secondary">
            {t("form.cancel")}
          </Link>
        </div>
      </form>
    </div>
  );
}
