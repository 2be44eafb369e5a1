import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { ProblemAlert } from "@/components/problem-alert";
import type { Call } from "@/features/proposals/api/get-call";
import type { Proposal } from "@/features/proposals/api/get-proposal";
import { useInvitePartner } from "@/features/proposals/api/invite-partner";
import { useRemovePartner } from "@/features/proposals/api/remove-partner";
import type { OrganisationChoice } from "@/features/proposals/api/search-organisations";
import { OrganisationPicker } from "@/features/proposals/components/organisation-picker";
import { PartnerRuleNote } from "@/features/proposals/components/partner-rule-note";
import type { Labels } from "@/features/proposals/hooks/use-labels";
import { newIdempotencyKey } from "@/features/proposals/utils/idempotency-key";
import { formatDate } from "@/lib/intl";

type PartnersTabProps = { proposal: Proposal; call: Call; labels: Labels; allRegions: readonly string[] };

/** The partner organisations: their region and answer, the call's rule, and (for the co-authors) invite / remove. */
export function PartnersTab({ proposal, call, labels, allRegions }: PartnersTabProps) {
  const { t } = useTranslation("proposals");
  const remove = useRemovePartner(proposal.id);
  const [removing, setRemoving] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const manage = proposal.permissions.can_manage_partners;

  return (
    <div className="partners-tab">
      <PartnerRuleNote proposal={proposal} minRegions={call.min_partner_regions} labels={labels} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </p>

      <section aria-labelledby="partners-heading">
        <h3 id="partners-heading">{t("partners.listTitle")}</h3>
        <p className="small">
          <span className="muted">{t("partners.lead")}: </span>
          {proposal.lead.name} ({labels.region(proposal.region_code)})
        </p>
        {remove.isError && <ProblemAlert error={remove.error} title={t("partners.removeFailed")} />}
        {proposal.partners.length === 0 ? (
          <p className="panel panel--quiet">
            {manage
              ? t("partners.emptyManage", { count: call.min_partner_regions })
              : t("partners.empty")}
          </p>
        ) : (
          <ul className="partner-list" aria-label={t("partners.listTitle")}>
            {proposal.partners.map((partner) => {
              const name = partner.organisation.name;
              return (
                <li
                  key={partner.organisation.id}
                  className="partner-list__item"
                  data-organisation-id={partner.organisation.id}
                  data-status={partner.status}
                >
                  <div className="partner-list__head">
                    <span className="partner-list__name">{name}</span>
                    <span className={`badge partner-status partner-status--${partner.status}`} data-partner-status={partner.status}>
                      {labels.partnerStatus(partner.status)}
                    </span>
                  </div>
                  <p className="muted small">
                    {labels.region(partner.region_code)} ·{" "}
                    {partner.answered_at
                      ? t("partners.answeredOn", { date: formatDate(partner.answered_at, labels.language) })
                      : t("partners.invitedOn", { date: formatDate(partner.invited_at, labels.language) })}
                  </p>
                  {partner.role_description && <p className="partner-list__role">{partner.role_description}</p>}
                  {manage &&
                    (removing === partner.organisation.id ? (
                      <div className="inline-confirm" role="group" aria-label={t("partners.confirmRemove", { name })}>
                        <span>{t("partners.confirmRemove", { name })}</span>
                        <button
                          type="button"
                          className="button button--primary"
                          disabled={remove.isPending}
                          onClick={() =>
                            remove.mutate(partner.organisation.id, {
                              onSuccess: () => {
                                setRemoving(null);
                                setNotice(t("partners.removed", { name }));
                              },
                            })
                          }
                        >
                          {t("partners.yesRemove", { name })}
                        </button>
                        <button type="button" className="button button--secondary" onClick={() => setRemoving(null)}>
                          {t("common.cancel")}
                        </button>
                      </div>
                    ) : (
                      <button
                        type="button"
                        className="button button--link"
                        onClick={() => {
                          remove.reset();
                          setRemoving(partner.organisation.id);
                        }}
                      >
                        {t("partners.remove", { name })}
                      </button>
                    ))}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {manage && (
        <InvitePartnerForm
          proposal={proposal}
          labels={labels}
          allRegions={allRegions}
          onInvited={(name) => setNotice(t("partners.invited", { name }))}
        />
      )}
    </div>
  );
}

type InvitePartnerFormProps = {
  proposal: Proposal;
  labels: Labels;
  allRegions: readonly string[];
  onInvited: (name: string) => void;
};

function InvitePartnerForm({ proposal, labels, allRegions, onInvited }: InvitePartnerFormProps) {
  const { t } = useTranslation("proposals");
  const invite = useInvitePartner(proposal.id);
  const [chosen, setChosen] = useState<OrganisationChoice | null>(null);
  const [role, setRole] = useState("");
  const [missing, setMissing] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const roleId = useId();
  const errorId = useId();
  const headingId = useId();
  const excluded = new Map<string, string>([[proposal.lead.id, t("partners.excluded.lead")]]);
  for (const partner of proposal.partners) {
    if (partner.status !== "declined") excluded.set(partner.organisation.id, labels.partnerStatus(partner.status));
  }

  return (
    <section className="invite-partner panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("partners.inviteTitle")}</h3>
      <form
        className="form"
        aria-labelledby={headingId}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!chosen) {
            setMissing(true);
            return;
          }
          invite.mutate(
            { idempotencyKey, body: { organisation_id: chosen.id, role_description: role.trim() } },
            {
              onSuccess: () => {
                onInvited(chosen.name);
                setChosen(null);
                setRole("");
                setIdempotencyKey(newIdempotencyKey());
              },
            },
          );
        }}
      >
        {invite.isError && <ProblemAlert error={invite.error} title={t("partners.inviteFailed")} />}
        <OrganisationPicker
          legend={t("partners.organisation")}
          name="partner"
          regions={null}
          allRegions={allRegions}
          selected={chosen}
          onSelect={(organisation) => {
            setMissing(false);
            setChosen(organisation);
          }}
          excluded={excluded}
          labels={labels}
          describedBy={missing ? errorId : undefined}
          invalid={missing}
        />
        {missing && (
          <p id={errorId} className="field__error">
            {t("partners.chooseFirst")}
          </p>
        )}
        <div className="field">
          <label htmlFor={roleId}>{t("partners.role")}</label>
          <textarea
            id={roleId}
            className="textarea"
            rows={3}
            maxLength={5000}
            value={role}
            onChange={(event) => setRole(event.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={invite.isPending}>
            {chosen ? t("partners.inviteNamed", { name: chosen.name }) : t("partners.invite")}
          </button>
        </div>
      </form>
    </section>
  );
}
