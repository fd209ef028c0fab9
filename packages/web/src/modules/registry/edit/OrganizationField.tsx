import { Alert, NativeSelect, Text } from "@mantine/core";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../app/format";
import { useSession } from "../../../app/session";
import { OrganizationSelect } from "../../members/OrganizationSelect";
import { useFieldError } from "./FieldErrors";

/** The organizations a person may register systems for: where they are a provider (any, for the secretariat). */
export function useProviderOrganizations() {
  const { user, isSecretariat } = useSession();
  const f = useFormat();
  const own = useMemo(() => {
    const seen = new Map<string, string>();
    for (const g of user?.roles ?? []) if (g.role === "provider") seen.set(g.organizationId, g.organizationName);
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => f.compare(a.name, b.name));
  }, [user, f]);
  return { own, any: isSecretariat };
}

interface OrganizationFieldProps {
  value: string;
  onChange: (id: string) => void;
  /** An error from outside an editor form (the import form). */
  error?: string;
}

/** Choose the provider organization of a new system. */
export function OrganizationField({ value, onChange, error }: OrganizationFieldProps) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const { own, any } = useProviderOrganizations();
  const formError = useFieldError("organizationId");
  const shown = error ?? formError;
  const only = own.length === 1 && !any ? own[0]!.id : null;
  useEffect(() => {
    if (only && !value) onChange(only);
  }, [only, value, onChange]);

  if (any) {
    return (
      <div>
        <OrganizationSelect label={t("fields.organization")} value={value} onChange={onChange} error={shown} required />
        <Text size="xs" c="dimmed" mt={4}>
          {t("fields.organizationSecretariat")}
        </Text>
      </div>
    );
  }
  if (own.length === 0) {
    return (
      <Alert color="yellow" role="alert" title={t("fields.noProviderRoleTitle")} data-testid="no-provider-role">
        {t("fields.noProviderRole")}
      </Alert>
    );
  }
  return (
    <NativeSelect
      label={t("fields.organization")}
      description={t("fields.organizationHint")}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={shown}
      required
      data={[{ value: "", label: t("fields.chooseOrganization") }, ...own.map((o) => ({ value: o.id, label: o.name }))]}
      data-testid="organization-select"
    />
  );
}
