import type { RouteResponse } from "@concordia/contracts";
import { Alert, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../../app/api";
import { ConfirmButton } from "../../../app/ConfirmButton";
import { useFormat } from "../../../app/format";
import { ProblemAlert } from "../../../app/problem";
import { isolate } from "./bidi";
import { useRefreshRegistry } from "./queries";

type System = RouteResponse<"getSystem">;

/** Where the system is in its life (draft → submitted → published) and the provider's next step. */
export function LifecycleCard({ system }: { system: System }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const call = useApi();
  const refresh = useRefreshRegistry();
  const f = useFormat();
  const may = (action: "submit" | "withdraw" | "reopen") => system.allowedActions.includes(action);
  const transition = useMutation({
    mutationFn: (action: "submit" | "withdraw" | "reopen") =>
      call("transitionSystem", { params: { id: system.id }, body: { action } }),
    onSuccess: () => void refresh(),
  });
  const status = system.status;
  const review = system.review;
  const returned = status === "draft" && review?.action === "reject";
  if (!may("submit") && !may("withdraw") && !may("reopen") && !review) return null;
  return (
    <Card withBorder padding="md" component="section" aria-label={t("lifecycle.label")} data-testid="lifecycle">
      <Stack gap="sm">
        <Text size="sm">{t(`lifecycle.${status}`)}</Text>
        {status === "submitted" && review?.action === "submit" && (
          <Text size="sm" c="dimmed" data-testid="lifecycle-submitted-on">
            {t("lifecycle.submittedOn", { date: f.dateTime(review.at) })}
          </Text>
        )}
        {returned && (
          <Alert
            color="orange"
            variant="light"
            title={t("lifecycle.returnedOn", { date: f.dateTime(review.at) })}
            data-testid="lifecycle-returned"
          >
            {review.note && (
              <Text size="sm">
                {t("lifecycle.reviewNote")}{" "}
                <Text span inherit dir="auto">
                  {review.note}
                </Text>
              </Text>
            )}
          </Alert>
        )}
        <ProblemAlert error={transition.error} />
        <Group gap="sm">
          {may("submit") && (
            <Button
              onClick={() => transition.mutate("submit")}
              loading={transition.isPending}
              data-testid="submit-system"
            >
              {t("lifecycle.submit")}
            </Button>
          )}
          {may("reopen") && (
            <Button variant="light" onClick={() => transition.mutate("reopen")} loading={transition.isPending}>
              {t("lifecycle.reopen")}
            </Button>
          )}
          {may("withdraw") && (
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
