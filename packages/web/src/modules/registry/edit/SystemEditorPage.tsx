import type { RouteResponse, SystemDocumentInput } from "@concordia/contracts";
import { Alert, Badge, Card, Container, Group, SegmentedControl, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../../app/api";
import { AnchorLink } from "../../../app/links";
import { ProblemAlert } from "../../../app/problem";
import { RequireSignIn } from "../../../app/RequireSignIn";
import { usePageTitle } from "../../../app/usePageTitle";
import { useSystem } from "../queries";
import { isolate } from "./bidi";
import { documentToForm, emptyDocumentForm } from "./documentForm";
import { ImportBomForm } from "./ImportBomForm";
import { LifecycleCard } from "./LifecycleCard";
import { OrganizationField } from "./OrganizationField";
import { useRefreshRegistry } from "./queries";
import { SystemForm } from "./SystemForm";

type Mode = "form" | "bom";

/** /registry/new and /registry/systems/$id/edit: the system document, typed in or imported from an ML-BOM. */
export function SystemEditorPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  usePageTitle(id ? t("editor.titleEdit") : t("editor.titleNew"));
  return (
    <RequireSignIn>
      {() => (
        <Container size="lg" py="md">
          {id ? <EditSystem id={id} /> : <NewSystem />}
        </Container>
      )}
    </RequireSignIn>
  );
}

function ModeSwitch({ mode, onChange, edit }: { mode: Mode; onChange: (m: Mode) => void; edit: boolean }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const narrow = useMediaQuery("(max-width: 40em)");
  return (
    <SegmentedControl
      aria-label={t("editor.modeLabel")}
      orientation={narrow ? "vertical" : "horizontal"}
      fullWidth={narrow}
      value={mode}
      onChange={(v) => onChange(v as Mode)}
      data={[
        { value: "form", label: edit ? t("editor.modeEdit") : t("editor.modeForm") },
        { value: "bom", label: edit ? t("editor.modeUpdateBom") : t("editor.modeBom") },
      ]}
      style={{ alignSelf: "flex-start", maxWidth: "100%" }}
      data-testid="editor-mode"
    />
  );
}

function useGoToSystem() {
  const navigate = useNavigate();
  const refresh = useRefreshRegistry();
  return (system: RouteResponse<"getSystem">) => {
    void refresh();
    void navigate({ to: "/registry/systems/$id", params: { id: system.id } });
  };
}

function NewSystem() {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const call = useApi();
  const goToSystem = useGoToSystem();
  const [mode, setMode] = useState<Mode>("form");
  const [organizationId, setOrganizationId] = useState("");
  const create = useMutation({
    mutationFn: (document: SystemDocumentInput) => call("createSystem", { body: { organizationId, document } }),
    onSuccess: goToSystem,
  });
  const initial = useMemo(emptyDocumentForm, []);
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t("editor.titleNew")}</Title>
        <Text>{t("editor.introNew")}</Text>
      </Stack>
      <ModeSwitch mode={mode} onChange={setMode} edit={false} />
      {mode === "form" ? (
        <SystemForm
          initial={initial}
          organization={<OrganizationField value={organizationId} onChange={setOrganizationId} />}
          organizationId={organizationId}
          withChangeNote={false}
          submitLabel={t("editor.create")}
          pending={create.isPending}
          error={create.error}
          onSubmit={(document) => create.mutate(document)}
        />
      ) : (
        <Card withBorder padding="lg" component="section" aria-labelledby="bom-heading">
          <Stack gap="md">
            <Title order={2} size="h3" id="bom-heading">
              {t("bom.title")}
            </Title>
            <OrganizationField value={organizationId} onChange={setOrganizationId} />
            <ImportBomForm organizationId={organizationId || null} onImported={goToSystem} />
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

function EditSystem({ id }: { id: string }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const call = useApi();
  const goToSystem = useGoToSystem();
  const system = useSystem(id);
  const [mode, setMode] = useState<Mode>("form");
  const update = useMutation({
    mutationFn: ({ document, changeNote }: { document: SystemDocumentInput; changeNote: string }) =>
      call("updateSystem", { params: { id }, body: { document, ...(changeNote ? { changeNote } : {}) } }),
    onSuccess: goToSystem,
  });
  const data = system.data;
  const initial = useMemo(() => (data ? documentToForm(data.document) : null), [data]);

  if (system.isPending) return <Skeleton height={320} role="status" aria-label={t("editor.loading")} />;
  if (system.error || !data || !initial)
    return <ProblemAlert error={system.error} onRetry={() => void system.refetch()} />;

  const back = (
    <AnchorLink to="/registry/systems/$id" params={{ id }} size="sm">
      {t("editor.backToSystem")}
    </AnchorLink>
  );
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        {back}
        <Group gap="sm" wrap="wrap">
          <Title order={1}>{t("editor.titleEditNamed", { name: isolate(data.document.name ?? "") })}</Title>
          <Badge variant="light">{t(`status.${data.status}`)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t("editor.provider", { name: isolate(data.provider.name) })}
        </Text>
      </Stack>
      <LifecycleCard system={data} />
      {!data.canEdit ? (
        <Alert color="yellow" role="alert" title={t("editor.notEditableTitle")} data-testid="not-editable">
          {t(
            data.status === "submitted"
              ? "editor.notEditableSubmitted"
              : data.status === "withdrawn"
                ? "editor.notEditableWithdrawn"
                : "editor.notEditable",
          )}
        </Alert>
      ) : (
        <>
          {data.status === "published" && (
            <Alert color="blue" title={t("editor.publishedTitle")}>
              {t("editor.publishedNote")}
            </Alert>
          )}
          <ModeSwitch mode={mode} onChange={setMode} edit />
          {mode === "form" ? (
            <SystemForm
              key={`${data.id}:${data.version}`}
              initial={initial}
              organization={
                <Text size="sm">
                  <Text span fw={600}>
                    {t("fields.organization")}:
                  </Text>{" "}
                  {data.provider.name}
                </Text>
              }
              withChangeNote
              submitLabel={t("editor.save")}
              pending={update.isPending}
              error={update.error}
              onSubmit={(document, changeNote) => update.mutate({ document, changeNote })}
            />
          ) : (
            <Card withBorder padding="lg" component="section" aria-labelledby="bom-heading">
              <Stack gap="md">
                <Title order={2} size="h3" id="bom-heading">
                  {t("bom.updateTitle")}
                </Title>
                <ImportBomForm organizationId={data.provider.id} systemId={data.id} onImported={goToSystem} />
              </Stack>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}
