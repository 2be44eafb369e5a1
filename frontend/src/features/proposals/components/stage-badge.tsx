type StageBadgeProps = { stage: { key: string; label: string }; kind?: string };

/** The stage a proposal is in; its label is the call's own (the admin names the pipeline's stages). */
export function StageBadge({ stage, kind }: StageBadgeProps) {
  return (
    <span className="badge stage-badge" data-stage={stage.key} data-stage-kind={kind}>
      {stage.label}
    </span>
  );
}
