import { type FocusEvent, type KeyboardEvent, useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";

import { currentNavigationItem, type NavigationGroupId, navigationMenusFor } from "@/app/navigation";
import type { Membership } from "@/features/auth/api/get-me";

/** Below this width the groups fold into one "Menu" button (the CSS follows `data-layout`, not its own query). */
const COMPACT_QUERY = "(max-width: 59.99rem)";

function subscribeToLayout(onChange: () => void): () => void {
  if (typeof window.matchMedia !== "function") return () => undefined;
  const query = window.matchMedia(COMPACT_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

function isCompact(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia(COMPACT_QUERY).matches;
}

/** What is open, and on which page: a menu opened on another page counts as closed. */
type OpenState = { at: string; menu: boolean; group: NavigationGroupId | null };

/**
 * The header navigation: one disclosure menu per area (button with `aria-expanded` + a list of links), the
 * current page's area marked; on narrow screens a single "Menu" button showing every area stacked.
 * Escape closes and returns focus to the button; arrow keys move through an open menu.
 */
export function MainNav({ memberships }: { memberships: readonly Membership[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const compact = useSyncExternalStore(subscribeToLayout, isCompact, () => false);
  const baseId = useId();
  const navRef = useRef<HTMLElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const [state, setState] = useState<OpenState | null>(null);

  const menus = navigationMenusFor(memberships);
  const current = currentNavigationItem(menus.flatMap((menu) => menu.items), location.pathname);
  const live = state?.at === location.key ? state : null; // following a link (or Back) closes everything
  const openGroup = compact ? null : (live?.group ?? null);
  const menuOpen = compact && (live?.menu ?? false);
  const anyOpen = openGroup !== null || menuOpen;
  const panelId = `${baseId}-panel`;

  useEffect(() => {
    if (!anyOpen) return;
    function onPointerDown(event: PointerEvent) {
      if (!navRef.current?.contains(event.target as Node)) setState(null);
    }
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (event.key !== "Escape") return;
      const button = compact
        ? menuButtonRef.current
        : navRef.current?.querySelector<HTMLButtonElement>(`li[data-group="${openGroup}"] > button`);
      setState(null);
      button?.focus();
    }
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [anyOpen, compact, openGroup]);

  function linksOf(group: NavigationGroupId): HTMLAnchorElement[] {
    return Array.from(navRef.current?.querySelectorAll<HTMLAnchorElement>(`li[data-group="${group}"] a`) ?? []);
  }

  function openMenuAndFocus(group: NavigationGroupId, which: "first" | "last") {
    flushSync(() => setState({ at: location.key, menu: false, group }));
    const links = linksOf(group);
    (which === "first" ? links[0] : links.at(-1))?.focus();
  }

  function onToggleKeyDown(event: KeyboardEvent<HTMLButtonElement>, group: NavigationGroupId) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    openMenuAndFocus(group, event.key === "ArrowDown" ? "first" : "last");
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>, group: NavigationGroupId) {
    const links = linksOf(group);
    const index = links.findIndex((link) => link === document.activeElement);
    if (index < 0) return;
    const targets: Record<string, HTMLAnchorElement | undefined> = {
      ArrowDown: links[(index + 1) % links.length],
      ArrowUp: links[(index - 1 + links.length) % links.length],
      Home: links[0],
      End: links.at(-1),
    };
    const next = targets[event.key];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

  function onBlur(event: FocusEvent<HTMLElement>) {
    const next = event.relatedTarget as Node | null;
    if (!next || !live) return; // focus went nowhere (a click on the page): the pointer handler decides
    if (!navRef.current?.contains(next)) {
      setState(null);
    } else if (openGroup && !navRef.current.querySelector(`li[data-group="${openGroup}"]`)?.contains(next)) {
      setState({ ...live, group: null }); // tabbing on to the next area closes this one
    }
  }

  return (
    <nav
      ref={navRef}
      className="main-nav"
      data-layout={compact ? "compact" : "wide"}
      aria-label={t("nav.label")}
      onBlur={onBlur}
    >
      {compact && (
        <button
          ref={menuButtonRef}
          type="button"
          className="main-nav__menu-button"
          aria-expanded={menuOpen}
          aria-controls={panelId}
          onClick={() => setState(menuOpen ? null : { at: location.key, menu: true, group: null })}
        >
          <span className="main-nav__menu-icon" aria-hidden="true" />
          {t("nav.menu")}
        </button>
      )}
      <ul id={panelId} className="main-nav__groups" hidden={compact && !menuOpen}>
        {menus.map(({ group, items }) => {
          const labelId = `${baseId}-${group.id}-label`;
          const listId = `${baseId}-${group.id}-list`;
          const expanded = openGroup === group.id;
          return (
            <li
              key={group.id}
              className="main-nav__group"
              data-group={group.id}
              data-current={current?.group === group.id ? "true" : undefined}
            >
              {compact ? (
                <span id={labelId} className="main-nav__group-label">
                  {t(group.labelKey)}
                </span>
              ) : (
                <button
                  id={labelId}
                  type="button"
                  className="main-nav__toggle"
                  aria-expanded={expanded}
                  aria-controls={listId}
                  onClick={() => setState(expanded ? null : { at: location.key, menu: false, group: group.id })}
                  onKeyDown={(event) => onToggleKeyDown(event, group.id)}
                >
                  {t(group.labelKey)}
                  <span className="main-nav__chevron" aria-hidden="true" />
                </button>
              )}
              <ul
                id={listId}
                className="main-nav__menu"
                aria-labelledby={labelId}
                hidden={!compact && !expanded}
                onKeyDown={compact ? undefined : (event) => onMenuKeyDown(event, group.id)}
              >
                {items.map((item) => {
                  const here = current?.id === item.id;
                  return (
                    <li key={item.id}>
                      <Link
                        to={item.to}
                        className="main-nav__link"
                        data-nav-item={item.id}
                        // "page" on the link to this very page, "true" on the section of a page below it
                        aria-current={here ? (location.pathname === item.to ? "page" : "true") : undefined}
                        onClick={() => setState(null)}
                      >
                        {t(item.labelKey)}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
