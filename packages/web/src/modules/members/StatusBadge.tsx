import type { MembershipStatus } from "@concordia/core";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function StatusBadge({ status }: { status: MembershipStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status === "member" ? "blue" : "gray"}>
      {t(`membershipStatus.${status}`)}
    </Badge>
  );
}
