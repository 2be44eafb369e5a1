import { useId } from "react";
import { useTranslation } from "react-i18next";

import type { Contact } from "@/features/registry/api/get-organisation";

/** The organisation's contact people: shown only when the API sent them (they are personal data). */
export function ContactsSection({ contacts }: { contacts: readonly Contact[] }) {
  const { t } = useTranslation("registry");
  const headingId = useId();
  return (
    <section className="panel profile-section contacts" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("contacts.heading")}</h2>
      <p className="muted small">{t("contacts.note")}</p>
      {contacts.length === 0 ? (
        <p className="muted">{t("contacts.empty")}</p>
      ) : (
        <ul className="contact-list" aria-labelledby={headingId}>
          {contacts.map((contact) => (
            <li key={contact.id} className="contact-list__item" data-contact-id={contact.id}>
              <p className="contact-list__name">{contact.name}</p>
              {contact.job_title && <p className="muted small">{contact.job_title}</p>}
              <p className="contact-list__lines">
                {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
                {contact.phone && <a href={`tel:${contact.phone.replace(/\s+/g, "")}`}>{contact.phone}</a>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
