import type { UserView } from "@concordia/contracts";
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  EmptyState,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { ConfirmButton } from "../../app/ConfirmButton";
import { useFormat } from "../../app/format";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { type CreateTokenBody, CreateTokenForm } from "./CreateTokenForm";

export const tokensKey = ["auth", "tokens"] as const;

/**
 * Personal API tokens for the CLI and other machine clients. Only an account whose email address
 * is confirmed may create one (the server answers 403 otherwise, shown if it happens anyway).
 */
export function ApiTokensCard({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const call = useApi();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: tokensKey, queryFn: () => call("listApiTokens") });
  const create = useMutation({
    mutationFn: (body: CreateTokenBody) => call("createApiToken", { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call("revokeApiToken", { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokensKey }),
  });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tokens-heading">
      <Stack gap="md">
        <div>
          <Title order={2} id="tokens-heading" size="h3">
            {t("tokens.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("tokens.intro")}
          </Text>
        </div>
        <CreateTokenForm
          pending={create.isPending}
          error={create.error}
          disabledReason={user.emailVerified ? undefined : t("tokens.emailNotVerified")}
          onSubmit={(body) => create.mutate(body)}
        />
        {create.data && (
          <Alert color="green" title={t("tokens.created")} role="status" data-testid="new-token">
            <Stack gap="xs">
              <Text size="sm">{t("tokens.copyNow")}</Text>
              <Code block dir="ltr" data-testid="new-token-secret">
                {create.data.token}
              </Code>
              <Group>
                <CopyButton value={create.data.token}>
                  {({ copied, copy }) => (
                    <Button size="xs" color={copied ? "green" : "blue"} onClick={copy}>
                      {copied ? t("tokens.copied") : t("tokens.copy")}
                    </Button>
                  )}
                </CopyButton>
                <Button size="xs" variant="default" onClick={() => create.reset()}>
                  {t("tokens.hide")}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <ProblemAlert error={revoke.error} />
        {tokens.isPending ? (
          <TableSkeleton rows={2} />
        ) : tokens.error ? (
          <ProblemAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.items.length === 0 ? (
          <EmptyState size="sm" title={t("tokens.emptyTitle")} description={t("tokens.emptyBody")} />
        ) : (
          <div className="table-scroll">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("tokens.name")}</Table.Th>
                  <Table.Th scope="col">{t("tokens.prefix")}</Table.Th>
                  <Table.Th scope="col">{t("tokens.scopes")}</Table.Th>
                  <Table.Th scope="col">{t("tokens.createdAt")}</Table.Th>
                  <Table.Th scope="col">{t("tokens.expiresAt")}</Table.Th>
                  <Table.Th scope="col">{t("tokens.lastUsedAt")}</Table.Th>
                  <Table.Th scope="col">{t("admin.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.items.map((token) => (
                  <Table.Tr key={token.id} data-testid="token-row">
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>
                      <Code dir="ltr">{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} data-testid="token-scopes-list">
                        {token.scopes.map((scope) => (
                          <Badge
                            key={scope}
                            variant="light"
                            color={scope === "write" ? "orange" : "blue"}
                            data-testid="token-scope"
                            data-scope={scope}
                          >
                            {t(`tokens.scope.${scope}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{f.date(token.createdAt)}</Table.Td>
                    <Table.Td>{token.expiresAt ? f.date(token.expiresAt) : t("tokens.never")}</Table.Td>
                    <Table.Td>{token.lastUsedAt ? f.dateTime(token.lastUsedAt) : t("tokens.neverUsed")}</Table.Td>
                    <Table.Td>
                      <ConfirmButton
                        question={t("tokens.revokeQuestion", { name: token.name })}
                        confirmLabel={t("actions.revoke")}
                        onConfirm={() => revoke.mutate(token.id)}
                        loading={revoke.isPending && revoke.variables === token.id}
                      >
                        {t("actions.revoke")}
                      </ConfirmButton>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Stack>
    </Card>
  );
}
