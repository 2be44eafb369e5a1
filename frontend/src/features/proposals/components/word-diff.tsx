import { useTranslation } from "react-i18next";

import type { TextSegment } from "@/features/proposals/api/compare-versions";

/**
 * A long text's word-level difference, in reading order. Inserted words are <ins> (underlined), deleted ones <del>
 * (struck through), each also announced in words, so the change never rests on colour alone.
 */
export function WordDiff({ segments }: { segments: readonly TextSegment[] }) {
  const { t } = useTranslation("proposals");
  return (
    <p className="word-diff">
      {segments.map((segment, index) => {
        if (segment.op === "insert") {
          return (
            <ins key={index} className="word-diff__insert">
              <span className="visually-hidden">{t("compare.insertedStart")}</span>
              {segment.text}
              <span className="visually-hidden">{t("compare.insertedEnd")}</span>
            </ins>
          );
        }
        if (segment.op === "delete") {
          return (
            <del key={index} className="word-diff__delete">
              <span className="visually-hidden">{t("compare.deletedStart")}</span>
              {segment.text}
              <span className="visually-hidden">{t("compare.deletedEnd")}</span>
            </del>
          );
        }
        return <span key={index}>{segment.text}</span>;
      })}
    </p>
  );
}
