import { useTranslation } from "react-i18next";

import { move } from "@/features/calls/utils/call-form";
import {
  ACTORS,
  emptyStage,
  emptyTransition,
  GUARDS,
  listProblems,
  renameStage,
  rowProblems,
  STAGE_KINDS,
  type PipelineDraft,
  type StageDraft,
  type TransitionDraft,
} from "@/features/calls/utils/pipeline";

type TableProps = {
  draft: PipelineDraft;
  problems: readonly { path: string; message: string }[];
  onChange: (update: (draft: PipelineDraft) => PipelineDraft) => void;
  onRowsMoved: () => void;
};

function ProblemCell({ id, messages }: { id: string; messages: string[] }) {
  return messages.length > 0 ? (
    <ul id={id} className="row-problems">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  ) : null;
}

function invalid(byField: Record<string, string[]>, field: string) {
  return byField[field] ? true : undefined;
}

/** The stages in display order: key, label, kind and whether applicants may edit there; problems per row. */
export function PipelineStagesTable({ draft, problems, onChange, onRowsMoved }: TableProps) {
  const { t } = useTranslation("calls");
  const general = listProblems(problems, "stages");
  const setStage = (index: number, patch: Partial<StageDraft>) =>
    onChange((d) => ({ ...d, stages: d.stages.map((stage, i) => (i === index ? { ...stage, ...patch } : stage)) }));
  return (
    <section className="panel section" aria-labelledby="stages-title" data-section="stages">
      <h2 id="stages-title">{t("pipeline.stages")}</h2>
      <p className="field__hint">{t("pipeline.stagesHint")}</p>
      {general.length > 0 && (
        <ul className="section-problems">
          {general.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div className="table-scroll">
        <table className="data-table" aria-labelledby="stages-title">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("pipeline.key")}</th>
              <th scope="col">{t("pipeline.label")}</th>
              <th scope="col">{t("pipeline.kind")}</th>
              <th scope="col">{t("pipeline.editable")}</th>
              <th scope="col">{t("pipeline.problems")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("form.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.stages.map((stage, i) => {
              const name = t("pipeline.stageName", { number: i + 1, label: stage.label || stage.key || "…" });
              const byField = rowProblems(problems, "stages", i);
              const messages = Object.values(byField).flat();
              const problemId = `stage-${stage.uid}-problems`;
              const describedBy = messages.length > 0 ? problemId : undefined;
              return (
                <tr key={stage.uid} data-stage-row={i} data-invalid={messages.length > 0 || undefined}>
                  <td>{i + 1}</td>
                  <td>
                    <input
                      aria-label={t("form.cellLabel", { column: t("pipeline.key"), row: name })}
                      aria-invalid={invalid(byField, "key")}
                      aria-describedby={describedBy}
                      value={stage.key}
                      autoComplete="off"
                      onChange={(e) => onChange((d) => renameStage(d, i, e.target.value))}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t("form.cellLabel", { column: t("pipeline.label"), row: name })}
                      aria-invalid={invalid(byField, "label")}
                      aria-describedby={describedBy}
                      value={stage.label}
                      onChange={(e) => setStage(i, { label: e.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={t("form.cellLabel", { column: t("pipeline.kind"), row: name })}
                      aria-invalid={invalid(byField, "kind")}
                      aria-describedby={describedBy}
                      value={stage.kind}
                      onChange={(e) => setStage(i, { kind: STAGE_KINDS.find((kind) => kind === e.target.value) ?? stage.kind })}
                    >
                      {STAGE_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`stageKindName.${kind}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t("form.cellLabel", { column: t("pipeline.editable"), row: name })}
                      checked={stage.editable}
                      onChange={(e) => setStage(i, { editable: e.target.checked })}
                    />
                  </td>
                  <td>
                    <ProblemCell id={problemId} messages={messages} />
                  </td>
                  <td className="data-table__actions">
                    <span className="row-actions">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t("form.moveUp", { name })}
                        disabled={i === 0}
                        onClick={() => {
                          onChange((d) => ({ ...d, stages: move(d.stages, i, -1) }));
                          onRowsMoved();
                        }}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t("form.moveDown", { name })}
                        disabled={i === draft.stages.length - 1}
                        onClick={() => {
                          onChange((d) => ({ ...d, stages: move(d.stages, i, 1) }));
                          onRowsMoved();
                        }}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="button button--danger-quiet button--small"
                        aria-label={t("form.removeNamed", { name })}
                        onClick={() => {
                          onChange((d) => ({ ...d, stages: d.stages.filter((_, j) => j !== i) }));
                          onRowsMoved();
                        }}
                      >
                        {t("form.remove")}
                      </button>
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange((d) => ({ ...d, stages: [...d.stages, emptyStage()] }))}
        >
          {t("pipeline.addStage")}
        </button>
      </p>
    </section>
  );
}

/** The steps between stages: from, to, who may take them, the guard checked first, and whether a comment is needed. */
export function PipelineTransitionsTable({ draft, problems, onChange, onRowsMoved }: TableProps) {
  const { t } = useTranslation("calls");
  const general = listProblems(problems, "transitions");
  const keys = draft.stages.map((stage) => stage.key);
  const setTransition = (index: number, patch: Partial<TransitionDraft>) =>
    onChange((d) => ({
      ...d,
      transitions: d.transitions.map((transition, i) => (i === index ? { ...transition, ...patch } : transition)),
    }));

  const stageOptions = (current: string) => (
    <>
      {draft.stages.map((stage) => (
        <option key={stage.uid} value={stage.key}>
          {stage.label || stage.key}
        </option>
      ))}
      {!keys.includes(current) && <option value={current}>{t("pipeline.missingStage", { key: current || "…" })}</option>}
    </>
  );

  return (
    <section className="panel section" aria-labelledby="transitions-title" data-section="transitions">
      <h2 id="transitions-title">{t("pipeline.transitions")}</h2>
      <p className="field__hint">{t("pipeline.transitionsHint")}</p>
      {general.length > 0 && (
        <ul className="section-problems">
          {general.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div className="table-scroll">
        <table className="data-table" aria-labelledby="transitions-title">
          <thead>
            <tr>
              <th scope="col">{t("pipeline.key")}</th>
              <th scope="col">{t("pipeline.label")}</th>
              <th scope="col">{t("pipeline.from")}</th>
              <th scope="col">{t("pipeline.to")}</th>
              <th scope="col">{t("pipeline.actors")}</th>
              <th scope="col">{t("pipeline.guard")}</th>
              <th scope="col">{t("pipeline.comment")}</th>
              <th scope="col">{t("pipeline.problems")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("form.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.transitions.map((transition, i) => {
              const name = t("pipeline.transitionName", { number: i + 1, label: transition.label || transition.key || "…" });
              const byField = rowProblems(problems, "transitions", i);
              const messages = Object.values(byField).flat();
              const problemId = `transition-${transition.uid}-problems`;
              const describedBy = messages.length > 0 ? problemId : undefined;
              const cell = (column: string) => t("form.cellLabel", { column, row: name });
              return (
                <tr key={transition.uid} data-transition-row={i} data-invalid={messages.length > 0 || undefined}>
                  <td>
                    <input
                      aria-label={cell(t("pipeline.key"))}
                      aria-invalid={invalid(byField, "key")}
                      aria-describedby={describedBy}
                      value={transition.key}
                      autoComplete="off"
                      onChange={(e) => setTransition(i, { key: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={cell(t("pipeline.label"))}
                      aria-invalid={invalid(byField, "label")}
                      aria-describedby={describedBy}
                      value={transition.label}
                      onChange={(e) => setTransition(i, { label: e.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={cell(t("pipeline.from"))}
                      aria-invalid={invalid(byField, "from_stage")}
                      aria-describedby={describedBy}
                      value={transition.from_stage}
                      onChange={(e) => setTransition(i, { from_stage: e.target.value })}
                    >
                      {stageOptions(transition.from_stage)}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={cell(t("pipeline.to"))}
                      aria-invalid={invalid(byField, "to_stage")}
                      aria-describedby={describedBy}
                      value={transition.to_stage}
                      onChange={(e) => setTransition(i, { to_stage: e.target.value })}
                    >
                      {stageOptions(transition.to_stage)}
                    </select>
                  </td>
                  <td>
                    <fieldset className="checkbox-group" aria-invalid={invalid(byField, "actors")} aria-describedby={describedBy}>
                      <legend className="visually-hidden">{cell(t("pipeline.actors"))}</legend>
                      {ACTORS.map((actor) => (
                        <label key={actor} className="checkbox">
                          <input
                            type="checkbox"
                            checked={transition.actors.includes(actor)}
                            onChange={(e) =>
                              setTransition(i, {
                                actors: ACTORS.filter((a) =>
                                  a === actor ? e.target.checked : transition.actors.includes(a),
                                ),
                              })
                            }
                          />
                          {t(`actorName.${actor}`)}
                        </label>
                      ))}
                    </fieldset>
                  </td>
                  <td>
                    <select
                      aria-label={cell(t("pipeline.guard"))}
                      aria-invalid={invalid(byField, "guard")}
                      aria-describedby={describedBy}
                      value={transition.guard ?? ""}
                      onChange={(e) => setTransition(i, { guard: GUARDS.find((guard) => guard === e.target.value) ?? null })}
                    >
                      <option value="">{t("pipeline.noGuard")}</option>
                      {GUARDS.map((guard) => (
                        <option key={guard} value={guard}>
                          {t(`guardName.${guard}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={cell(t("pipeline.comment"))}
                      checked={transition.comment_required}
                      onChange={(e) => setTransition(i, { comment_required: e.target.checked })}
                    />
                  </td>
                  <td>
                    <ProblemCell id={problemId} messages={messages} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--danger-quiet button--small"
                      aria-label={t("form.removeNamed", { name })}
                      onClick={() => {
                        onChange((d) => ({ ...d, transitions: d.transitions.filter((_, j) => j !== i) }));
                        onRowsMoved();
                      }}
                    >
                      {t("form.remove")}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange((d) => ({ ...d, transitions: [...d.transitions, emptyTransition(d)] }))}
        >
          {t("pipeline.addTransition")}
        </button>
      </p>
    </section>
  );
}
