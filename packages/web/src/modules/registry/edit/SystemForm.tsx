import type { SystemDocumentInput } from "@concordia/contracts";
import { Accordion, Badge, Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert, problemOf } from "../../../app/problem";
import { NUMBER_FACTS, numberProblem } from "../../rules/finder/profileForm";
import { BasicsSection } from "./BasicsSection";
import { DatasetsSection } from "./DatasetsSection";
import { DeploymentSection } from "./DeploymentSection";
import {
  formErrors,
  formPathOf,
  SECTIONS,
  type SectionId,
  sectionErrorCounts,
  unplacedErrors,
  validateForm,
} from "./documentErrors";
import { type DocumentForm, formToDocument, type RowMap } from "./documentForm";
import { FieldErrorsProvider } from "./FieldErrors";
import { ModelCardSection } from "./ModelCardSection";
import { ProfileSection } from "./ProfileSection";
import type { SectionProps } from "./sectionProps";
import { VisibilitySection } from "./VisibilitySection";

const PANELS: { id: Exclude<SectionId, "save" | "basics">; Component: (p: SectionProps) => ReactNode }[] = [
  { id: "profile", Component: ProfileSection },
  { id: "modelCard", Component: ModelCardSection },
  { id: "datasets", Component: DatasetsSection },
  { id: "deployment", Component: DeploymentSection },
  { id: "visibility", Component: VisibilitySection },
];

interface SystemFormProps {
  initial: DocumentForm;
  /** The organization field (a select on /new, the provider's name when editing). */
  organization: ReactNode;
  /** The chosen organization, when the form must have one. */
  organizationId?: string;
  withChangeNote: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (document: SystemDocumentInput, changeNote: string) => void;
}

/** The system document in collapsible sections; errors (local and the server's) shown at their fields. */
export function SystemForm(props: SystemFormProps) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const [form, setForm] = useState(props.initial);
  const [changeNote, setChangeNote] = useState("");
  const [rows, setRows] = useState<RowMap>({});
  const [local, setLocal] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<string[]>(["basics"]);
  const focusError = useRef(false);

  const problem = problemOf(props.error);
  const server = useMemo(() => formErrors(problem?.errors ?? [], rows), [problem, rows]);
  const errors = useMemo(() => ({ ...server, ...local }), [server, local]);
  const counts = sectionErrorCounts(errors);
  const placed = (problem?.errors ?? [])
    .filter((e) => !unplacedErrors({ [formPathOf(e.field, rows)]: e.message }).length)
    .map((e) => e.field.replace(/^(body|query|params)\./, ""));

  // New errors open their sections and put the keyboard on the first field in error.
  useEffect(() => {
    const withErrors = (Object.keys(SECTIONS) as SectionId[]).filter((s) => sectionErrorCounts(errors)[s] > 0);
    if (withErrors.length === 0) return;
    setOpen((o) => [...new Set([...o, ...withErrors])]);
    focusError.current = true;
  }, [errors]);
  useEffect(() => {
    if (!focusError.current) return;
    focusError.current = false;
    const timer = setTimeout(() => {
      document.querySelector<HTMLElement>('form[data-testid="system-form"] [aria-invalid="true"]')?.focus();
    }, 250);
    return () => clearTimeout(timer);
  });

  const submit = () => {
    const problems: Record<string, string> = {};
    for (const [path, p] of Object.entries(validateForm(form))) problems[path] = t(`validation.${p}`);
    for (const fact of NUMBER_FACTS) {
      const p = numberProblem(fact, form.profile.numbers[fact]);
      if (p) problems[`profile.${fact}`] = t(`validation.${p}`);
    }
    if (props.organizationId !== undefined && !props.organizationId) problems.organizationId = t("validation.required");
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const { document, rows: sent } = formToDocument(form);
    setRows(sent);
    props.onSubmit(document, changeNote.trim());
  };

  const sectionProps: SectionProps = { form, update: (change) => setForm(change) };
  const title = (id: SectionId) => (
    <Group gap="sm" wrap="wrap">
      <Text fw={600}>{t(`sections.${id}`)}</Text>
      {counts[id] > 0 && (
        <Badge color="red" variant="light">
          {t("editor.sectionErrors", { n: counts[id] })}
        </Badge>
      )}
    </Group>
  );
  return (
    <form
      noValidate
      data-testid="system-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <FieldErrorsProvider errors={errors}>
        <Stack gap="md">
          {Object.keys(local).length > 0 && (
            <Text c="red.8" role="alert" size="sm" fw={600}>
              {t("editor.fixMarked")}
            </Text>
          )}
          <ProblemAlert error={props.error} fields={placed} />
          <Accordion multiple value={open} onChange={setOpen} variant="separated" order={2}>
            <Accordion.Item value="basics">
              <Accordion.Control>{title("basics")}</Accordion.Control>
              <Accordion.Panel>
                <BasicsSection {...sectionProps} organization={props.organization} />
              </Accordion.Panel>
            </Accordion.Item>
            {PANELS.map(({ id, Component }) => (
              <Accordion.Item key={id} value={id} data-testid={`section-${id}`}>
                <Accordion.Control>{title(id)}</Accordion.Control>
                <Accordion.Panel>
                  <Text size="sm" c="dimmed" mb="md">
                    {t(`sections.${id}Hint`)}
                  </Text>
                  <Component {...sectionProps} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
          {props.withChangeNote && (
            <Textarea
              label={t("editor.changeNote")}
              description={t("editor.changeNoteHint")}
              value={changeNote}
              onChange={(e) => setChangeNote(e.currentTarget.value)}
              error={errors.changeNote}
              autosize
              minRows={2}
              maxLength={1000}
            />
          )}
          <Group>
            <Button type="submit" loading={props.pending} data-testid="save-system">
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </FieldErrorsProvider>
    </form>
  );
}
