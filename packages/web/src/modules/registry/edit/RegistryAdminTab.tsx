import { Badge, Button, EmptyState, Group, Modal, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../../app/api";
import { ConfirmButton } from "../../../app/ConfirmButton";
import { useFormat } from "../../../app/format";
import { AnchorLink } from "../../../app/links";
import { PagedResults } from "../../../app/PagedResults";
import { fieldErrors, ProblemAlert } from "../../../app/problem";
import { registryKeys } from "../queries";
import { isolate } from "./bidi";
import { useRefreshRegistry } from "./queries";

const PAGE_SIZE = 25;
const route = getRouteApi("/admin/registry");

type Decision = { id: string; name: string };

/** The secretariat's review queue: systems submitted for publication, to publish or send back. */
export function RegistryAdminTab() {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const call = useApi();
  const refresh = useRefreshRegistry();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [rejecting, setRejecting] = useState<Decision | null>(null);
  const [done, setDone] = useState<{ name: string; action: "publish" | "reject" } | null>(null);
  const query = { status: "submitted" as const, sort: "updated" as const, page: search.page ?? 1, pageSize: PAGE_SIZE };
  const queue = useQuery({
    queryKey: registryKeys.queue(query),
    queryFn: () => call("searchSystems", { query }),
    placeholderData: keepPreviousData,
  });
  const decide = useMutation({
    mutationFn: ({ id, action, note }: { id: string; name: string; action: "publish" | "reject"; note?: string }) =>
      call("transitionSystem", { params: { id }, body: { action, ...(note ? { note } : {}) } }),
    onSuccess: (_, v) => {
      setRejecting(null);
      setDone({ name: v.name, action: v.action });
      void refresh();
    },
  });

  return (
    <Stack gap="md" component="section" aria-labelledby="queue-heading">
      <Title order={2} size="h3" id="queue-heading">
        {t("queue.title")}
      </Title>
      <Text size="sm">{t("queue.intro")}</Text>
      {done && (
        <Text role="status" c="green.9" fw={600} data-testid="queue-done">
          {t(done.action === "publish" ? "queue.published" : "queue.rejected", { name: isolate(done.name) })}
        </Text>
      )}
      {!rejecting && <ProblemAlert error={decide.error} />}
      <PagedResults
        query={queue}
        empty={<EmptyState title={t("queue.emptyTitle")} description={t("queue.empty")} data-testid="queue-empty" />}
        onPage={(p) => void navigate({ search: { page: p > 1 ? p : undefined } })}
      >
        {(data) => (
          <>
            <div className="table-scroll" style={{ position: "relative" }}>
              <Table striped verticalSpacing="sm" data-testid="review-queue">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("queue.system")}</Table.Th>
                    <Table.Th scope="col">{t("queue.provider")}</Table.Th>
                    <Table.Th scope="col">{t("queue.submitted")}</Table.Th>
                    <Table.Th scope="col">{t("queue.actions")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((s) => (
                    <Table.Tr key={s.id} data-testid="queue-row">
                      <Table.Td>
                        <AnchorLink to="/registry/systems/$id" params={{ id: s.id }} fw={600}>
                          {s.name}
                        </AnchorLink>
                        <Group gap={6} mt={4}>
                          <Badge variant="light" size="sm">
                            {t(`kinds.${s.kind}`)}
                          </Badge>
                          <Text size="xs" c="dimmed" dir="ltr">
                            {s.versionLabel}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <AnchorLink to="/members/organizations/$id" params={{ id: s.provider.id }} size="sm">
                          {s.provider.name}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{f.dateTime(s.updatedAt)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <ConfirmButton
                            color="green"
                            variant="filled"
                            question={t("queue.publishQuestion", { name: isolate(s.name) })}
                            confirmLabel={t("queue.publish")}
                            onConfirm={() => decide.mutate({ id: s.id, name: s.name, action: "publish" })}
                            aria-label={t("queue.publishNamed", { name: s.name })}
                            data-testid="publish-system"
                          >
                            {t("queue.publish")}
                          </ConfirmButton>
                          <Button
                            size="xs"
                            variant="outline"
                            color="red"
                            onClick={() => {
                              decide.reset();
                              setRejecting({ id: s.id, name: s.name });
                            }}
                            aria-label={t("queue.rejectNamed", { name: s.name })}
                          >
                            {t("queue.reject")}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </>
        )}
      </PagedResults>
      <RejectDialog
        key={rejecting?.id ?? "none"}
        target={rejecting}
        pending={decide.isPending}
        error={decide.error}
        onClose={() => setRejecting(null)}
        onReject={(note) => rejecting && decide.mutate({ ...rejecting, action: "reject", note })}
      />
    </Stack>
  );
}

function RejectDialog({
  target,
  pending,
  error,
  onClose,
  onReject,
}: {
  target: Decision | null;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onReject: (note: string) => void;
}) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const { t: tc } = useTranslation();
  const [note, setNote] = useState("");
  const [local, setLocal] = useState<string | null>(null);
  return (
    <Modal
      opened={!!target}
      onClose={onClose}
      title={target ? t("queue.rejectTitle", { name: isolate(target.name) }) : ""}
      centered
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!note.trim()) return setLocal(t("queue.noteRequired"));
          setLocal(null);
          onReject(note.trim());
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={error} fields={["note"]} />
          <Textarea
            label={t("queue.note")}
            description={t("queue.noteHint")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={local ?? fieldErrors(error).note}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc("actions.cancel")}
            </Button>
            <Button type="submit" color="red" loading={pending} data-testid="confirm-reject">
              {t("queue.reject")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
