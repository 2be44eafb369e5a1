import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ProblemAlert } from "@/components/problem-alert";
import { useAnswerInvitation } from "@/features/proposals/api/answer-invitation";
import type { Proposal } from "@/features/proposals/api/get-proposal";

type InvitationBannerProps = { proposal: Proposal; onAnswered: (message: string) => void };

/** For members of an invited organisation: the invitation, with Accept and Decline. */
export function InvitationBanner({ proposal, onAnswered }: InvitationBannerProps) {
  const { t } = useTranslation("proposals");
  const answer = useAnswerInvitation(proposal.id);
  const [answering, setAnswering] = useState<string | null>(null);
  const invited = proposal.partners.filter((partner) =>
    proposal.permissions.can_answer_invitation.includes(partner.organisation.id),
  );
  if (invited.length === 0) return null;

  return (
    <section className="invitation-banner" aria-labelledby="invitation-heading" data-testid="invitation-banner">
      <h2 id="invitation-heading" className="invitation-banner__title">
        {t("invitation.title")}
      </h2>
      {answer.isError && <ProblemAlert error={answer.error} title={t("invitation.failed")} />}
      {invited.map((partner) => {
        const name = partner.organisation.name;
        const reply = (accept: boolean) => {
          setAnswering(partner.organisation.id);
          answer.mutate(
            { organisationId: partner.organisation.id, accept },
            {
              onSuccess: () =>
                onAnswered(accept ? t("invitation.accepted", { name }) : t("invitation.declined", { name })),
              onSettled: () => setAnswering(null),
            },
          );
        };
        return (
          <div key={partner.organisation.id} className="invitation-banner__item" data-organisation-id={partner.organisation.id}>
            <p>{t("invitation.text", { name, reference: proposal.reference })}</p>
            {partner.role_description && (
              <p className="small">
                <span className="muted">{t("invitation.role")} </span>
                {partner.role_description}
              </p>
            )}
            <div className="invitation-banner__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={answering !== null}
                onClick={() => reply(true)}
              >
                {t("invitation.accept")}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={answering !== null}
                onClick={() => reply(false)}
              >
                {t("invitation.decline")}
              </button>
            </div>
          </div>
        );
      })}
    </section>
  );
}
