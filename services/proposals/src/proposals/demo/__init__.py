"""The proposals demo: the 2019 portfolio call told from submission to pilots, and the open annual round.

Every record is made through the service's own API by demo people (recognisably demo: titles end in " (demo)"),
so the demo obeys the same rules as real use; the 2019 call's dates are then moved to 2019–2022.
"""

from proposals.demo.load import ProposalsDemo, load_proposals_demo

__all__ = ["ProposalsDemo", "load_proposals_demo"]
