import type { OrganizationView } from "@concordia/contracts";
import { Alert, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { OrganizationForm, type OrganizationFormValues } from "./OrganizationForm";
import { membersKeys } from "./queries";

/** PATCH only what changed: delegates may not send fields reserved to the secretariat. */
function changedFields(before: OrganizationView, after: OrganizationFormValues): Partial<OrganizationFormValues> {
  const patch: Partial<Record<keyof OrganizationFormValues, unknown>> = {};
  for (const key of Object.keys(after) as (keyof OrganizationFormValues)[]) {
    if (after[key] !== before[key]) patch[key] = after[key];
  }
  return patch as Partial<OrganizationFormValues>;
}

/** Lets the secretariat or the organization's delegates update its details. */
export function OrganizationEditForm({
  organization,
  canChangeStatus,
}: {
  organization: OrganizationView;
  canChangeStatus: boolean;
}) {
  const { t } = useTranslation();
  const call = useApi();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: OrganizationFormValues) =>
      call("updateOrganization", { params: { id: organization.id }, body: changedFields(organization, values) }),
    onSuccess: (updated) => {
      queryClient.setQueryData(membersKeys.organization(organization.id), updated);
      void queryClient.invalidateQueries({ queryKey: membersKeys.organizationsAll });
    },
  });
  return (
    <Stack gap="sm">
      {save.isSuccess && (
        <Alert color="green" role="status" title={t("organization.saved")}>
          {t("organization.savedBody")}
        </Alert>
      )}
      <OrganizationForm
        key={organization.updatedAt}
        initial={organization}
        submitLabel={t("actions.save")}
        pending={save.isPending}
        error={save.error}
        onSubmit={(values) => save.mutate(values)}
        canChangeStatus={canChangeStatus}
        data-testid="organization-edit-form"
      />
    </Stack>
  );
}
