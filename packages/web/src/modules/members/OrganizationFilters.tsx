import { MEMBERSHIP_STATUSES, type MembershipStatus, STAKEHOLDER_TYPES, type StakeholderType } from "@concordia/core";
import { Button, Group, NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { CountrySelect } from "./CountrySelect";

export interface OrganizationFilterValues {
  q?: string;
  type?: StakeholderType;
  status?: MembershipStatus;
  country?: string;
}

interface OrganizationFiltersProps {
  values: OrganizationFilterValues;
  onChange: (values: OrganizationFilterValues) => void;
}

/** Search box (applied on submit) and selects (applied at once) of the members directory. */
export function OrganizationFilters({ values, onChange }: OrganizationFiltersProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(values.q ?? "");
  useEffect(() => setQ(values.q ?? ""), [values.q]);

  return (
    <search aria-label={t("members.organizations.filters")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ ...values, q: q.trim() || undefined });
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput
            label={t("members.organizations.search")}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            type="search"
          />
          <NativeSelect
            label={t("members.organizations.type")}
            value={values.type ?? ""}
            onChange={(e) => onChange({ ...values, type: (e.currentTarget.value || undefined) as StakeholderType })}
            data={[
              { value: "", label: t("forms.anyType") },
              ...STAKEHOLDER_TYPES.map((v) => ({ value: v, label: t(`stakeholderType.${v}`) })),
            ]}
          />
          <NativeSelect
            label={t("members.organizations.status")}
            value={values.status ?? ""}
            onChange={(e) => onChange({ ...values, status: (e.currentTarget.value || undefined) as MembershipStatus })}
            data={[
              { value: "", label: t("forms.anyStatus") },
              ...MEMBERSHIP_STATUSES.map((v) => ({ value: v, label: t(`membershipStatus.${v}`) })),
            ]}
          />
          <CountrySelect
            label={t("members.organizations.country")}
            value={values.country ?? ""}
            emptyLabel={t("forms.anyCountry")}
            onChange={(country) => onChange({ ...values, country: country || undefined })}
          />
        </SimpleGrid>
        <Group mt="sm" gap="sm">
          <Button type="submit">{t("actions.search")}</Button>
          <Button
            variant="default"
            onClick={() => {
              setQ("");
              onChange({});
            }}
          >
            {t("actions.clearFilters")}
          </Button>
        </Group>
      </form>
    </search>
  );
}
