import { DEFAULT_VISIBILITY, FIELD_GROUPS, type FieldGroup, VISIBILITIES, type Visibility } from "@concordia/core";
import { Button, List, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useErrorMap } from "./FieldErrors";
import type { SectionProps } from "./sectionProps";

/** Who may read each group of fields once the system is published, with what each level means. */
export function VisibilitySection({ form, update }: SectionProps) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const errors = useErrorMap();
  const set = (group: FieldGroup, v: Visibility) =>
    update((x) => ({ ...x, visibility: { ...x.visibility, [group]: v } }));
  const isDefault = FIELD_GROUPS.every((g) => form.visibility[g] === DEFAULT_VISIBILITY[g]);
  return (
    <Stack gap="md">
      <Text size="sm">{t("visibility.intro")}</Text>
      <List size="sm" spacing={4}>
        {VISIBILITIES.map((v) => (
          <List.Item key={v}>
            <Text span fw={600} size="sm">
              {t(`visibility.levels.${v}`)}
            </Text>
            {" — "}
            {t(`visibility.explain.${v}`)}
          </List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed">
        {t("visibility.always")}
      </Text>
      <div className="table-scroll" style={{ position: "relative" }}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("visibility.group")}</Table.Th>
              <Table.Th scope="col">{t("visibility.readBy")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {FIELD_GROUPS.map((g) => (
              <Table.Tr key={g}>
                <Table.Th scope="row" fw={500}>
                  <Text size="sm" fw={600} id={`visibility-${g}-label`}>
                    {t(`visibility.groups.${g}`)}
                  </Text>
                  <Text size="xs" c="dimmed" id={`visibility-${g}-hint`}>
                    {t(`visibility.contains.${g}`)}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <NativeSelect
                    aria-labelledby={`visibility-${g}-label`}
                    aria-describedby={`visibility-${g}-hint`}
                    value={form.visibility[g]}
                    onChange={(e) => set(g, e.currentTarget.value as Visibility)}
                    error={errors[`visibility.${g}`]}
                    data={VISIBILITIES.map((v) => ({
                      value: v,
                      label:
                        v === DEFAULT_VISIBILITY[g]
                          ? t("visibility.defaultLevel", { level: t(`visibility.levels.${v}`) })
                          : t(`visibility.levels.${v}`),
                    }))}
                    data-testid={`visibility-${g}`}
                    miw={180}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {!isDefault && (
        <div>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => update((x) => ({ ...x, visibility: { ...DEFAULT_VISIBILITY } }))}
          >
            {t("visibility.reset")}
          </Button>
        </div>
      )}
    </Stack>
  );
}
