import { NativeSelect } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";
import { membersKeys } from "../members/queries";

interface ProviderSelectProps {
  value: string;
  onChange: (id: string | undefined) => void;
}

const QUERY = { pageSize: 200 };

/**
 * The provider filter: a native select of organizations (as the members module's
 * OrganizationSelect, sharing its cache), with "all providers" as the empty choice.
 */
export function ProviderSelect({ value, onChange }: ProviderSelectProps) {
  const { t } = useTranslation("registry");
  const call = useApi();
  const f = useFormat();
  const { data, isPending, isError } = useQuery({
    queryKey: membersKeys.organizations(QUERY),
    queryFn: () => call("listOrganizations", { query: QUERY }),
  });
  const options = [...(data?.items ?? [])]
    .sort((a, b) => f.compare(a.name, b.name))
    .map((o) => ({ value: o.id, label: o.name }));
  // A provider chosen by a link (not among the first 200) is still shown as chosen.
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <NativeSelect
      label={t("filters.provider")}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value || undefined)}
      error={isError ? t("filters.providersUnavailable") : undefined}
      data={[{ value: "", label: isPending ? t("loading") : t("filters.anyProvider") }, ...options]}
      data-testid="filter-provider"
    />
  );
}
