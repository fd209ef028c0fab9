import { Anchor, Badge, Card, EmptyState, Group, Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";
import { PagedResults } from "../../app/PagedResults";
import { adminKeys } from "./adminKeys";
import { SearchForm } from "./SearchForm";

const PAGE_SIZE = 20;
const route = getRouteApi("/admin/outbox");
const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Email text with its links made clickable (verification, reset and invitation links). */
function EmailText({ text }: { text: string }) {
  let offset = 0;
  const parts = text.split(URL_PATTERN).map((part, i) => {
    const key = offset;
    offset += part.length;
    return i % 2 === 1 ? (
      <Anchor key={key} href={part} dir="ltr">
        {part}
      </Anchor>
    ) : (
      <Fragment key={key}>{part}</Fragment>
    );
  });
  return (
    <pre className="preformatted" dir="auto">
      {parts}
    </pre>
  );
}

/** Emails the platform queued or sent; in development, where to read verification and invitation mails. */
export function OutboxTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const call = useApi();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = { to: search.to, page: search.page ?? 1, pageSize: PAGE_SIZE };
  const emails = useQuery({
    queryKey: adminKeys.outbox(query),
    queryFn: () => call("listOutbox", { query }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("admin.outbox.intro")}
      </Text>
      <SearchForm
        label={t("admin.outbox.to")}
        value={search.to}
        onSearch={(to) => void navigate({ search: { to, page: undefined } })}
      />
      <PagedResults
        query={emails}
        skeletonRows={4}
        empty={<EmptyState title={t("admin.outbox.emptyTitle")} />}
        onPage={(p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined } })}
      >
        {(data) => (
          <>
            <Stack gap="sm">
              {data.items.map((m) => (
                <Card key={m.id} withBorder padding="md" component="article" data-testid="outbox-email">
                  <Group justify="space-between" gap="xs" mb="xs">
                    <Text fw={700}>{m.subject}</Text>
                    <Group gap="xs">
                      <Badge variant="light" color="gray">
                        {m.kind}
                      </Badge>
                      <Badge variant="light" color={m.sentAt ? "green" : "orange"}>
                        {m.sentAt ? t("admin.outbox.sent") : t("admin.outbox.queued")}
                      </Badge>
                    </Group>
                  </Group>
                  <Text size="sm" c="dimmed" mb="xs">
                    {t("admin.outbox.toLine", { to: m.to, date: f.dateTime(m.createdAt) })}
                  </Text>
                  <EmailText text={m.text} />
                </Card>
              ))}
            </Stack>
          </>
        )}
      </PagedResults>
    </Stack>
  );
}
