import { Container, Stack, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";
import { PagedResults } from "../../app/PagedResults";
import { usePageTitle } from "../../app/usePageTitle";

const route = getRouteApi("/__name__");

export function __Pascal__Page() {
  const { t } = useTranslation("__name__");
  const format = useFormat();
  usePageTitle(t("title"));
  const api = useApi();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const query = useQuery({
    queryKey: ["__name__", "items", page],
    queryFn: () => api("list__Pascal__Items", { query: { page } }),
    placeholderData: keepPreviousData,
  });
  return (
    <Container size="lg" py="md">
      <Stack gap="md">
        <Title order={1}>{t("title")}</Title>
        <Text>{t("intro")}</Text>
        <PagedResults
          query={query}
          empty={<Text c="dimmed">{t("empty")}</Text>}
          onPage={(p) => void navigate({ search: { page: p } })}
        >
          {(data) => (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("columns.title")}</Table.Th>
                  <Table.Th>{t("columns.created")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{item.title}</Table.Td>
                    <Table.Td>{format.dateTime(item.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </PagedResults>
      </Stack>
    </Container>
  );
}
