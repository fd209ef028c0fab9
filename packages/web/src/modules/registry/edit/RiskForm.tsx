import { RISK_STATUSES, type RiskStatus, type RiskTaxonomy } from "@concordia/core";
import { Button, Group, NativeSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../app/format";
import { ProblemAlert, problemOf } from "../../../app/problem";
import { FieldErrorsProvider } from "./FieldErrors";
import { Rating } from "./RiskBits";
import {
  categoryGroups,
  formToRiskInput,
  type RiskForm as RiskFormState,
  type RiskInput,
  SCALE,
  type Taxonomies,
  validateRiskForm,
} from "./risks";
import { StringListField } from "./StringListField";

const FIELDS = [
  "taxonomy",
  "categoryCode",
  "title",
  "description",
  "likelihood",
  "impact",
  "owner",
  "residualLikelihood",
  "residualImpact",
  "reviewDate",
  "status",
];

interface RiskFormProps {
  initial: RiskFormState;
  taxonomies: Taxonomies;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: RiskInput) => void;
  onCancel: () => void;
}

/** Add or change a risk: category from a taxonomy, 5 × 5 rating, mitigations, residual rating, owner, review. */
export function RiskForm({ initial, taxonomies, submitLabel, pending, error, onSubmit, onCancel }: RiskFormProps) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const { t: tc } = useTranslation();
  const f = useFormat();
  const [form, setForm] = useState(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [rows, setRows] = useState<number[]>([]);
  const set = <K extends keyof RiskFormState>(key: K, value: RiskFormState[K]) =>
    setForm((x) => ({ ...x, [key]: value }));

  const server: Record<string, string> = {};
  for (const e of problemOf(error)?.errors ?? []) {
    let key = e.field.replace(/^(body|params)\./, "");
    const m = /^mitigations\.(\d+)(.*)$/.exec(key);
    if (m) key = `mitigations.${rows[Number(m[1])] ?? m[1]}${m[2]}`;
    server[key] ??= e.message;
  }
  const errors = { ...server, ...local };
  const placed = (problemOf(error)?.errors ?? [])
    .map((e) => e.field.replace(/^(body|params)\./, ""))
    .filter((k) => FIELDS.includes(k) || k.startsWith("mitigations"));

  const taxonomy = taxonomies.find((x) => x.id === form.taxonomy) ?? taxonomies[0];
  const groups = useMemo(() => categoryGroups(taxonomy?.categories ?? [], t("risks.otherCategories")), [taxonomy, t]);
  const scale = (axis: "likelihood" | "impact") =>
    SCALE.map((n) => ({ value: String(n), label: `${f.number(n)} — ${t(`scale.${axis}.${n}`)}` }));
  const residualScale = (axis: "likelihood" | "impact") => [{ value: "", label: t("risks.notRated") }, ...scale(axis)];

  return (
    <form
      noValidate
      data-testid="risk-form"
      onSubmit={(e) => {
        e.preventDefault();
        const problems = Object.fromEntries(
          Object.entries(validateRiskForm(form)).map(([k, p]) => [k, t(`validation.${p}`)]),
        );
        setLocal(problems);
        if (Object.keys(problems).length) return;
        const { body, mitigationRows } = formToRiskInput(form);
        setRows(mitigationRows);
        onSubmit(body);
      }}
    >
      <FieldErrorsProvider errors={errors}>
        <Stack gap="sm">
          <ProblemAlert error={error} fields={placed} />
          <NativeSelect
            label={t("risks.taxonomy")}
            value={form.taxonomy}
            onChange={(e) =>
              setForm((x) => ({ ...x, taxonomy: e.currentTarget.value as RiskTaxonomy, categoryCode: "" }))
            }
            error={errors.taxonomy}
            data={taxonomies.map((x) => ({ value: x.id, label: `${x.title} (${x.version})` }))}
          />
          <Select
            label={t("risks.category")}
            description={t("risks.categoryHint")}
            placeholder={t("risks.chooseCategory")}
            data={groups}
            value={form.categoryCode || null}
            onChange={(v) => set("categoryCode", v ?? "")}
            error={errors.categoryCode}
            searchable
            required
            nothingFoundMessage={t("risks.noCategory")}
            maxDropdownHeight={300}
            comboboxProps={{ withinPortal: true }}
            data-testid="risk-category"
          />
          <TextInput
            label={t("risks.title")}
            value={form.title}
            onChange={(e) => set("title", e.currentTarget.value)}
            error={errors.title}
            required
            maxLength={300}
          />
          <Textarea
            label={t("risks.description")}
            value={form.description}
            onChange={(e) => set("description", e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label={t("risks.likelihood")}
              value={form.likelihood}
              onChange={(e) => set("likelihood", e.currentTarget.value)}
              error={errors.likelihood}
              data={scale("likelihood")}
            />
            <NativeSelect
              label={t("risks.impact")}
              value={form.impact}
              onChange={(e) => set("impact", e.currentTarget.value)}
              error={errors.impact}
              data={scale("impact")}
            />
          </SimpleGrid>
          <Group gap="xs" aria-live="polite">
            <Text size="sm">{t("risks.inherent")}:</Text>
            <Rating likelihood={Number(form.likelihood)} impact={Number(form.impact)} />
          </Group>
          <StringListField
            legend={t("risks.mitigations")}
            description={t("risks.mitigationsHint")}
            values={form.mitigations}
            onChange={(v) => set("mitigations", v)}
            path="mitigations"
            multiline
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label={t("risks.residualLikelihood")}
              value={form.residualLikelihood}
              onChange={(e) => set("residualLikelihood", e.currentTarget.value)}
              error={errors.residualLikelihood}
              data={residualScale("likelihood")}
            />
            <NativeSelect
              label={t("risks.residualImpact")}
              value={form.residualImpact}
              onChange={(e) => set("residualImpact", e.currentTarget.value)}
              error={errors.residualImpact}
              data={residualScale("impact")}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t("risks.owner")}
              description={t("risks.ownerHint")}
              value={form.owner}
              onChange={(e) => set("owner", e.currentTarget.value)}
              error={errors.owner}
              required
              maxLength={200}
            />
            <TextInput
              label={t("risks.reviewDate")}
              type="date"
              value={form.reviewDate}
              onChange={(e) => set("reviewDate", e.currentTarget.value)}
              error={errors.reviewDate}
              required
            />
            <NativeSelect
              label={t("risks.status")}
              value={form.status}
              onChange={(e) => set("status", e.currentTarget.value as RiskStatus)}
              error={errors.status}
              data={RISK_STATUSES.map((s) => ({ value: s, label: t(`riskStatus.${s}`) }))}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {tc("actions.cancel")}
            </Button>
            <Button type="submit" loading={pending} data-testid="risk-save">
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </FieldErrorsProvider>
    </form>
  );
}
