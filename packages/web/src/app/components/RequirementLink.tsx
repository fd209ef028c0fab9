import type { ReactNode } from "react";
import { AnchorLink } from "../links";

interface RequirementLinkProps {
  instrumentId: string;
  requirementId: string;
  children: ReactNode;
}

/** A link to one requirement's page (its citation, text and crosswalk mappings). */
export function RequirementLink({ instrumentId, requirementId, children }: RequirementLinkProps) {
  return (
    <AnchorLink
      to="/instruments/$id/requirements/$requirementId"
      params={{ id: instrumentId, requirementId }}
      fw={600}
      data-testid="requirement-link"
    >
      {children}
    </AnchorLink>
  );
}
