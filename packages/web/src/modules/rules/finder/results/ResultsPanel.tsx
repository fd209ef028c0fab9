import type { SystemProfile } from "@concordia/core";
import { Alert, Button, Group, Stack, Tabs, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../../app/format";
import { answeredCount } from "../profileForm";
import { isEmptyProfile } from "../profileUrl";
import { ComplyOnceView } from "./ComplyOnceView";
import { ObligationsView } from "./ObligationsView";

interface ResultsPanelProps {
  profile: SystemProfile;
  asOf: string | undefined;
  rawAsOf: string | undefined;
  onAsOf: (date: string | undefined) => void;
  onEdit: (step: number) => void;
}

/** The results step: the evaluation date, then obligations by jurisdiction or the comply-once checklist. */
export function ResultsPanel({ profile, asOf, rawAsOf, onAsOf, onEdit }: ResultsPanelProps) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  const [tab, setTab] = useState<string | null>("obligations");
  const answered = answeredCount(profile);
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          type="date"
          label={t("results.asOf")}
          description={t("results.asOfHelp")}
          value={asOf ?? ""}
          onChange={(e) => onAsOf(e.currentTarget.value || undefined)}
          error={rawAsOf && !asOf ? t("results.badDate") : undefined}
          data-testid="as-of"
          style={{ maxWidth: "16rem" }}
        />
        <Text size="sm" c="dimmed" data-testid="answered-count">
          {t("results.answered", { n: f.number(answered) })}
        </Text>
      </Group>
      {isEmptyProfile(profile) && (
        <Alert color="blue" variant="light" title={t("results.emptyProfileTitle")}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t("results.emptyProfileBody")}</Text>
            <Button size="xs" variant="outline" onClick={() => onEdit(0)}>
              {t("results.answerQuestions")}
            </Button>
          </Stack>
        </Alert>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="obligations" data-testid="tab-obligations">
            {t("results.tabObligations")}
          </Tabs.Tab>
          <Tabs.Tab value="comply-once" data-testid="tab-comply-once">
            {t("results.tabComplyOnce")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="obligations" pt="md">
          <ObligationsView profile={profile} asOf={asOf} />
        </Tabs.Panel>
        <Tabs.Panel value="comply-once" pt="md">
          <ComplyOnceView profile={profile} asOf={asOf} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
