import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { RelatedPage } from "@/features/proposals/utils/access";

/** Links to the proposal's pages that other parts of the app provide (screening, evaluation, feedback). */
export function RelatedLinks({ proposalId, pages }: { proposalId: string; pages: readonly RelatedPage[] }) {
  const { t } = useTranslation("proposals");
  if (pages.length === 0) return null;
  return (
    <nav className="related-links" aria-label={t("related.label")}>
      <ul>
        {pages.map((page) => (
          <li key={page}>
            <Link to={`/proposals/${proposalId}/${page}`} data-related={page}>
              {t(`related.${page}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
