import { NativeSelect } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";
import { membersKeys } from "./queries";

interface OrganizationSelectProps {
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  required?: boolean;
}

/**
 * A native select of organizations (keyboard and screen-reader friendly).
 * Lists the first 200 by name, the API's largest page; enough for the
 * secretariat's forms today, to be replaced by a search box if that grows.
 */
export function OrganizationSelect({ label, value, onChange, error, required }: OrganizationSelectProps) {
  const { t } = useTranslation();
  const call = useApi();
  const f = useFormat();
  const query = { pageSize: 200 };
  const { data, isPending, isError } = useQuery({
    queryKey: membersKeys.organizations(query),
    queryFn: () => call("listOrganizations", { query }),
  });
  const options = [...(data?.items ?? [])]
    .sort((a, b) => f.compare(a.name, b.name))
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <NativeSelect
      label={label}
      value={value}
      required={required}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error ?? (isError ? t("errors.organizationsUnavailable") : undefined)}
      data={[{ value: "", label: isPending ? t("status.loading") : t("forms.chooseOrganization") }, ...options]}
    />
  );
}
