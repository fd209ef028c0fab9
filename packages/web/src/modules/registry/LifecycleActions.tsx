import type { LifecycleAction } from "@concordia/core";
import { Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { ConfirmButton } from "../../app/ConfirmButton";
import { ProblemAlert } from "../../app/problem";
import type { SystemView } from "./model";
import { registryKeys } from "./queries";

const COLORS: Record<LifecycleAction, string> = {
  submit: "blue",
  publish: "green",
  reject: "orange",
  withdraw: "red",
  reopen: "blue",
};

/**
 * Submit, withdraw and reopen for the provider; publish and reject for the secretariat. Each asks
 * first; the answer is the system as it now is, and the register's lists are refreshed.
 */
export function LifecycleActions({ system }: { system: SystemView }) {
  const { t } = useTranslation("registry");
  const call = useApi();
  const queryClient = useQueryClient();
  const actions = system.allowedActions;
  const name = system.document.name ?? "";
  const transition = useMutation({
    mutationFn: (action: LifecycleAction) => call("transitionSystem", { params: { id: system.id }, body: { action } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(registryKeys.system(system.id), updated);
      void queryClient.invalidateQueries({ queryKey: registryKeys.all });
    },
  });
  if (actions.length === 0 && transition.isIdle) return null;
  return (
    <Stack gap="xs">
      <Group gap="sm" role="group" aria-label={t("lifecycle.label")}>
        {actions.map((action) => (
          <ConfirmButton
            key={action}
            size="sm"
            variant={action === "publish" || action === "submit" ? "filled" : "outline"}
            color={COLORS[action]}
            question={t(`lifecycle.${action}Question`, { name })}
            confirmLabel={t(`lifecycle.${action}`)}
            onConfirm={() => transition.mutate(action)}
            loading={transition.isPending && transition.variables === action}
            disabled={transition.isPending}
            data-testid={`lifecycle-${action}`}
          >
            {t(`lifecycle.${action}`)}
          </ConfirmButton>
        ))}
      </Group>
      <div aria-live="polite">
        {transition.isSuccess && (
          <Text size="sm" c="green.9" data-testid="lifecycle-done">
            {t(`lifecycle.${transition.data.status}Done`)}
          </Text>
        )}
      </div>
      {transition.error && <ProblemAlert error={transition.error} />}
    </Stack>
  );
}
