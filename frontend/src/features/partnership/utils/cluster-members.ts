/** The ECCP member types, in the profile's order. */
export const MEMBER_TYPES = [
  "members_sme",
  "members_large",
  "members_research",
  "members_university",
  "members_public",
  "members_other",
] as const;

export type MemberType = (typeof MEMBER_TYPES)[number];
