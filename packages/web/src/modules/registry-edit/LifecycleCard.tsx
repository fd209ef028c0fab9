import type { RouteResponse } from "@concordia/contracts";
import { Button, Card, Group, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { ConfirmButton } from "../../app/ConfirmButton";
import { ProblemAlert } from "../../app/problem";
import { useSession } from "../../app/session";
import { isolate } from "./bidi";
import { useRefreshRegistry } from "./queries";

type System = RouteResponse<"getSystem">;

/** Where the system is in its life (draft → submitted → published) and the provider's next step. */
export function LifecycleCard({ system }: { system: System }) {
  const { t } = useTranslation("registryEdit");
  const call = useApi();
  const refresh = useRefreshRegistry();
  const { isSecretariat, hasRole } = useSession();
  const mayAct = isSecretariat || hasRole("provider", system.provider.id);
  const transition = useMutation({
    mutationFn: (action: "submit" | "withdraw" | "reopen") =>
      call("transitionSystem", { params: { id: system.id }, body: { action } }),
    onSuccess: () => void refresh(),
  });
  if (!mayAct) return null;
  const status = system.status;
  return (
    <Card withBorder padding="md" component="section" aria-label={t("lifecycle.label")} data-testid="lifecycle">
      <Stack gap="sm">
        <Text size="sm">{t(`lifecycle.${status}`)}</Text>
        <ProblemAlert error={transition.error} />
        <Group gap="sm">
          {status === "draft" && (
            <Button
              onClick={() => transition.mutate("submit")}
              loading={transition.isPending}
              data-testid="submit-system"
            >
              {t("lifecycle.submit")}
            </Button>
          )}
          {status === "withdrawn" && (
            <Button variant="light" onClick={() => transition.mutate("reopen")} loading={transition.isPending}>
              {t("lifecycle.reopen")}
            </Button>
          )}
          {(status === "published" || status === "submitted") && (
            <ConfirmButton
              question={t("lifecycle.withdrawQuestion", { name: isolate(system.document.name ?? "") })}
              confirmLabel={t("lifecycle.withdraw")}
              onConfirm={() => transition.mutate("withdraw")}
              loading={transition.isPending}
            >
              {t("lifecycle.withdraw")}
            </ConfirmButton>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
