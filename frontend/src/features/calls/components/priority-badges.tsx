import { useTranslation } from "react-i18next";

import { PRIORITY_CODES, type Priority } from "@/features/calls/utils/call-form";

const isPriority = (code: string): code is Priority => (PRIORITY_CODES as readonly string[]).includes(code);

/** The thematic priorities as named badges (an unknown code is shown as it is). */
export function PriorityBadges({ codes, label }: { codes: readonly string[]; label: string }) {
  const { t } = useTranslation("calls");
  return (
    <ul className="badges" aria-label={label}>
      {codes.map((code) => (
        <li key={code} className="badge" data-priority-code={code}>
          {isPriority(code) ? t(`priority.${code}`) : code}
        </li>
      ))}
    </ul>
  );
}
