import { useParams } from "react-router";

import { OpportunityDetail } from "@/features/opportunities/components/opportunity-detail";

/** The page title follows the opportunity's own title (set by the detail). */
export function OpportunityRoute() {
  const { opportunityId = "" } = useParams();
  // a new id is a new page: no state carried over from the previous opportunity
  return <OpportunityDetail key={opportunityId} id={opportunityId} />;
}
