import { EmptyState, Stack } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { PagedResults } from "../../app/PagedResults";
import { OrganizationFilters } from "./OrganizationFilters";
import { OrganizationsTable } from "./OrganizationsTable";
import { membersKeys } from "./queries";

const PAGE_SIZE = 20;
const route = getRouteApi("/members");

/** The searchable, paginated list of member organizations; filters live in the URL. */
export function OrganizationsDirectory() {
  const { t } = useTranslation();
  const call = useApi();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const query = {
    q: search.q,
    type: search.type,
    status: search.status,
    country: search.country,
    page,
    pageSize: PAGE_SIZE,
  };
  const organizations = useQuery({
    queryKey: membersKeys.organizations(query),
    queryFn: () => call("listOrganizations", { query }),
    placeholderData: keepPreviousData,
  });
  const filtered = !!(search.q || search.type || search.status || search.country);

  return (
    <Stack gap="md">
      <OrganizationFilters
        values={search}
        onChange={(values) => void navigate({ search: { ...values, page: undefined } })}
      />
      <PagedResults
        query={organizations}
        empty={
          <EmptyState
            title={filtered ? t("members.organizations.noMatchTitle") : t("members.organizations.emptyTitle")}
            description={filtered ? t("members.organizations.noMatchBody") : t("members.organizations.emptyBody")}
          />
        }
        onPage={(p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined } })}
      >
        {(data) => <OrganizationsTable items={data.items} />}
      </PagedResults>
    </Stack>
  );
}
