import { MEMBERSHIP_STATUSES, type MembershipStatus, STAKEHOLDER_TYPES, type StakeholderType } from "@concordia/core";
import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors, ProblemAlert } from "../../app/problem";
import { CountrySelect } from "./CountrySelect";

export interface OrganizationFormValues {
  name: string;
  type: StakeholderType;
  status: MembershipStatus;
  countryCode: string | null;
  website: string | null;
  description: string;
}

interface OrganizationFormProps {
  initial?: Partial<OrganizationFormValues>;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: OrganizationFormValues) => void;
  /** Membership status is the secretariat's decision; delegates see it read-only. */
  canChangeStatus?: boolean;
  "data-testid"?: string;
}

const FIELDS = ["name", "type", "status", "countryCode", "website", "description"] as const;

/** The fields of an organization, shared by the secretariat's create form and the edit form. */
export function OrganizationForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  canChangeStatus = true,
  ...rest
}: OrganizationFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? "");
  const [type, setType] = useState<StakeholderType>(initial?.type ?? "government_agency");
  const [status, setStatus] = useState<MembershipStatus>(initial?.status ?? "observer");
  const [countryCode, setCountryCode] = useState(initial?.countryCode ?? "");
  const [website, setWebsite] = useState(initial?.website ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(error);
  const errors = { ...server, ...local };

  return (
    <form
      noValidate
      data-testid={rest["data-testid"]}
      onSubmit={(e) => {
        e.preventDefault();
        const problems: Record<string, string> = {};
        if (name.trim().length < 2) problems.name = t("validation.nameTooShort");
        if (website.trim() && !/^https?:\/\/\S+$/i.test(website.trim())) problems.website = t("validation.url");
        setLocal(problems);
        if (Object.keys(problems).length > 0) return;
        onSubmit({
          name: name.trim(),
          type,
          status,
          countryCode: countryCode || null,
          website: website.trim() || null,
          description,
        });
      }}
    >
      <Stack gap="sm">
        <ProblemAlert error={error} fields={FIELDS} />
        <TextInput
          label={t("members.organizations.name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
          maxLength={200}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t("members.organizations.type")}
            value={type}
            onChange={(e) => setType(e.currentTarget.value as StakeholderType)}
            error={errors.type}
            data={STAKEHOLDER_TYPES.map((v) => ({ value: v, label: t(`stakeholderType.${v}`) }))}
          />
          <NativeSelect
            label={t("members.organizations.status")}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as MembershipStatus)}
            error={errors.status}
            disabled={!canChangeStatus}
            description={canChangeStatus ? undefined : t("organization.statusBySecretariat")}
            data={MEMBERSHIP_STATUSES.map((v) => ({ value: v, label: t(`membershipStatus.${v}`) }))}
          />
          <CountrySelect
            label={t("members.organizations.country")}
            value={countryCode}
            onChange={setCountryCode}
            emptyLabel={t("forms.noCountry")}
            error={errors.countryCode}
          />
        </SimpleGrid>
        <TextInput
          label={t("organization.website")}
          description={t("organization.websiteHint")}
          type="url"
          value={website}
          onChange={(e) => setWebsite(e.currentTarget.value)}
          error={errors.website}
          dir="ltr"
        />
        <Textarea
          label={t("organization.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={3}
          maxLength={5000}
        />
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
