import { useParams } from "react-router";

import { useMe } from "@/features/auth/api/get-me";
import { OrganisationProfile } from "@/features/registry/components/organisation-profile";

export function OrganisationRoute() {
  const { organisationId = "" } = useParams();
  const me = useMe();
  // a new id is a new page: no edit form or saved notice carried over from the previous organisation
  return <OrganisationProfile key={organisationId} id={organisationId} memberships={me.data?.memberships ?? []} />;
}
