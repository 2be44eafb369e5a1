import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import type { Me, Membership } from "@/features/auth/api/get-me";
import { useLogout } from "@/features/auth/api/logout";
import { useRegions } from "@/lib/regions";

type UserMenuProps = { me: Me; onSignedOut: () => void };

/** The signed-in user: name, roles ("Cluster manager · Toscana") and sign out, behind a disclosure button. */
export function UserMenu({ me, onSignedOut }: UserMenuProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rolesHeadingId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const logout = useLogout({ onSettled: onSignedOut });
  const regions = useRegions();

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  function membershipLabel(membership: Membership): string {
    const role = t(`roles.${membership.role}`);
    if (!membership.region) return role;
    const region = regions.data?.find((candidate) => candidate.code === membership.region);
    return `${role} · ${region?.name ?? membership.region}`;
  }

  return (
    <div className="user-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t("user.menu", { name: me.display_name })}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {initials(me.display_name)}
        </span>
        <span className="user-menu__name">{me.display_name}</span>
        <span className="user-menu__chevron" aria-hidden="true" />
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__identity">
          <strong>{me.display_name}</strong>
          <span className="muted small">{me.email}</span>
        </p>
        <h2 id={rolesHeadingId} className="user-menu__heading">{t("user.memberships")}</h2>
        {me.memberships.length === 0 ? (
          <p className="muted small">{t("user.noMemberships")}</p>
        ) : (
          <ul className="user-menu__memberships" aria-labelledby={rolesHeadingId}>
            {me.memberships.map((membership, index) => (
              <li key={index} className="badge badge--role">
                {membershipLabel(membership)}
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          className="button button--secondary button--block"
          disabled={logout.isPending}
          onClick={() => logout.mutate()}
        >
          {logout.isPending ? t("user.signingOut") : t("user.signOut")}
        </button>
      </div>
    </div>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
}
