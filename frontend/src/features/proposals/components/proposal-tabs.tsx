import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { PROPOSAL_TABS, type ProposalTab } from "@/features/proposals/utils/unmet";

type ProposalTabsProps = {
  selected: ProposalTab;
  onSelect: (tab: ProposalTab) => void;
  counts?: Partial<Record<ProposalTab, number>>;
  children: ReactNode;
};

/** The proposal's sections as ARIA tabs: arrow keys, Home and End move between them; the panel follows. */
export function ProposalTabs({ selected, onSelect, counts = {}, children }: ProposalTabsProps) {
  const { t } = useTranslation("proposals");
  const buttons = useRef<Partial<Record<ProposalTab, HTMLButtonElement | null>>>({});

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = PROPOSAL_TABS.indexOf(selected);
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % PROPOSAL_TABS.length,
      ArrowLeft: (index - 1 + PROPOSAL_TABS.length) % PROPOSAL_TABS.length,
      Home: 0,
      End: PROPOSAL_TABS.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = PROPOSAL_TABS[next] as ProposalTab;
    onSelect(tab);
    buttons.current[tab]?.focus();
  }

  return (
    <div className="proposal-tabs">
      <div role="tablist" aria-label={t("tabs.label")} className="proposal-tabs__list" onKeyDown={onKeyDown}>
        {PROPOSAL_TABS.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              buttons.current[tab] = element;
            }}
            type="button"
            role="tab"
            id={`proposal-tab-${tab}`}
            aria-controls={`proposal-panel-${tab}`}
            aria-selected={tab === selected}
            tabIndex={tab === selected ? 0 : -1}
            className="proposal-tabs__tab"
            data-tab={tab}
            onClick={() => onSelect(tab)}
          >
            {t(`tabs.${tab}`)}
            {counts[tab] !== undefined && <span className="proposal-tabs__count"> ({counts[tab]})</span>}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`proposal-panel-${selected}`}
        aria-labelledby={`proposal-tab-${selected}`}
        tabIndex={0}
        className="proposal-tabs__panel"
      >
        {children}
      </div>
    </div>
  );
}
