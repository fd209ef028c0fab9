import { ROLES, type Role } from "@concordia/core";
import { EmptyState, NativeSelect, Stack } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { PagedResults } from "../../app/PagedResults";
import { adminKeys } from "./adminKeys";
import { PeopleTable } from "./PeopleTable";
import { SearchForm } from "./SearchForm";

const PAGE_SIZE = 25;
const route = getRouteApi("/admin/people");

export function PeopleTab() {
  const { t } = useTranslation();
  const call = useApi();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = { q: search.q, role: search.role, page: search.page ?? 1, pageSize: PAGE_SIZE };
  const people = useQuery({
    queryKey: adminKeys.people(query),
    queryFn: () => call("listPeople", { query }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <SearchForm
        label={t("admin.people.search")}
        value={search.q}
        onSearch={(q) => void navigate({ search: { ...search, q, page: undefined } })}
      >
        <NativeSelect
          label={t("people.role")}
          value={search.role ?? ""}
          onChange={(e) =>
            void navigate({
              search: { ...search, role: (e.currentTarget.value || undefined) as Role | undefined, page: undefined },
            })
          }
          data={[{ value: "", label: t("forms.anyRole") }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
        />
      </SearchForm>
      <PagedResults
        query={people}
        empty={<EmptyState title={t("admin.people.emptyTitle")} description={t("admin.people.emptyBody")} />}
        onPage={(p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined } })}
      >
        {(data) => (
          <>
            <PeopleTable people={data.items} />
          </>
        )}
      </PagedResults>
    </Stack>
  );
}
