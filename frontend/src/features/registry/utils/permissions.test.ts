import { describe, expect, it } from "vitest";

import { canEditOrganisation, canManageOrganisation, isRegistryManager } from "@/features/registry/utils/permissions";

const ORGANISATION = { id: "org-1", region_code: "ITI1" };

describe("who may do what in the registry", () => {
  it("lets the admin, the managers of its region and its own members edit an organisation", () => {
    expect(canEditOrganisation([{ role: "consortium_admin", region: null, organisation_id: null }], ORGANISATION)).toBe(true);
    expect(canEditOrganisation([{ role: "cluster_manager", region: "ITI1", organisation_id: null }], ORGANISATION)).toBe(true);
    expect(canEditOrganisation([{ role: "member", region: "ITI1", organisation_id: "org-1" }], ORGANISATION)).toBe(true);
  });

  it("does not let other regions' managers, evaluators or other members edit it", () => {
    expect(canEditOrganisation([{ role: "cluster_manager", region: "PT11", organisation_id: null }], ORGANISATION)).toBe(false);
    expect(canEditOrganisation([{ role: "evaluator", region: "ITI1", organisation_id: null }], ORGANISATION)).toBe(false);
    expect(canEditOrganisation([{ role: "member", region: "ITI1", organisation_id: "org-2" }], ORGANISATION)).toBe(false);
    expect(canEditOrganisation([], ORGANISATION)).toBe(false);
  });

  it("lets only the admin and the region's managers manage it (its members edit, but do not manage)", () => {
    expect(canManageOrganisation([{ role: "cluster_manager", region: "ITI1", organisation_id: null }], ORGANISATION)).toBe(true);
    expect(canManageOrganisation([{ role: "member", region: "ITI1", organisation_id: "org-1" }], ORGANISATION)).toBe(false);
  });

  it("offers imports and the duplicate review to cluster managers and the admin only", () => {
    expect(isRegistryManager([{ role: "cluster_manager", region: "PT11", organisation_id: null }])).toBe(true);
    expect(isRegistryManager([{ role: "consortium_admin", region: null, organisation_id: null }])).toBe(true);
    expect(isRegistryManager([{ role: "member", region: "PT11", organisation_id: "org-1" }])).toBe(false);
  });
});
