import { useTranslation } from "react-i18next";

/** Official statistic or secondary source, as a badge that says it in words (not by colour alone). */
export function QualityBadge({ quality }: { quality: "official" | "secondary" }) {
  const { t } = useTranslation("regions");
  return (
    <span className={`badge quality-badge quality-badge--${quality}`} data-quality={quality}>
      {t(`quality.${quality}`)}
    </span>
  );
}
