import { Button, Fieldset, Group, MultiSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../app/format";
import { useJurisdictionOptions } from "../../rules/finder/wizard/useJurisdictionOptions";
import { emptyLink, type LinkRow } from "./documentForm";
import { GroupError, useErrorMap, useFieldError } from "./FieldErrors";
import type { SectionProps } from "./sectionProps";

/** Where the system is deployed, whom to contact, and links to more about it. */
export function DeploymentSection({ form, update }: SectionProps) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const all = useJurisdictionOptions();
  const errors = useErrorMap();
  // The document takes countries and the EU, not sub-national places.
  const options = useMemo(
    () =>
      all
        .map((g) => ({ ...g, items: g.items.filter((o) => /^[A-Z]{2}$/.test(o.value)) }))
        .filter((g) => g.items.length > 0),
    [all],
  );
  const contact = (field: "name" | "email" | "url") => ({
    value: form.contact[field],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      update((x) => ({ ...x, contact: { ...x.contact, [field]: value } }));
    },
    error: errors[`contact.${field}`],
  });
  return (
    <Stack gap="lg">
      <MultiSelect
        label={t("deployment.countries")}
        description={t("deployment.countriesHint")}
        data={options}
        value={form.deploymentCountries}
        onChange={(deploymentCountries) => update((x) => ({ ...x, deploymentCountries }))}
        error={useFieldError("deploymentCountries", true)}
        searchable
        clearable
        hidePickedOptions
        nothingFoundMessage={t("deployment.nothingFound")}
        maxDropdownHeight={280}
        data-testid="deployment-countries"
      />
      <Fieldset miw={0} legend={t("deployment.contact")} variant="unstyled">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t("deployment.contactName")} maxLength={200} {...contact("name")} />
          <TextInput
            label={t("deployment.contactEmail")}
            type="email"
            dir="ltr"
            maxLength={254}
            {...contact("email")}
          />
          <TextInput label={t("deployment.contactUrl")} type="url" dir="ltr" {...contact("url")} />
        </SimpleGrid>
      </Fieldset>
      <LinksField rows={form.links} onChange={(links) => update((x) => ({ ...x, links }))} />
    </Stack>
  );
}

function LinkFields({ index, row, onChange }: { index: number; row: LinkRow; onChange: (row: LinkRow) => void }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const n = f.number(index + 1);
  return (
    <>
      <TextInput
        label={t("links.label", { n })}
        value={row.label}
        onChange={(e) => onChange({ ...row, label: e.currentTarget.value })}
        error={useFieldError(`links.${index}.label`)}
        maxLength={200}
        style={{ flex: "1 1 12rem" }}
      />
      <TextInput
        label={t("links.url", { n })}
        value={row.url}
        onChange={(e) => onChange({ ...row, url: e.currentTarget.value })}
        error={useFieldError(`links.${index}.url`)}
        type="url"
        dir="ltr"
        style={{ flex: "2 1 16rem" }}
      />
    </>
  );
}

function LinksField({ rows, onChange }: { rows: LinkRow[]; onChange: (rows: LinkRow[]) => void }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const id = useId();
  return (
    <Fieldset miw={0} legend={t("links.legend")} variant="unstyled">
      <Stack gap="xs">
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a list being typed
          <Group key={i} align="flex-end" gap="xs" wrap="wrap">
            <LinkFields index={i} row={row} onChange={(r) => onChange(rows.map((x, j) => (j === i ? r : x)))} />
            <Button
              variant="subtle"
              color="red"
              size="xs"
              aria-label={t("links.remove", { n: f.number(i + 1) })}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {t("list.remove")}
            </Button>
          </Group>
        ))}
        <GroupError id={`${id}-error`} path="links" deep={false} />
        <div>
          <Button variant="light" size="xs" onClick={() => onChange([...rows, emptyLink()])}>
            {t("links.add")}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
