import { Alert, EmptyState, Stack, Text } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { ConfirmButton } from "../../app/ConfirmButton";
import { AnchorLink } from "../../app/links";
import { PagedResults } from "../../app/PagedResults";
import { PageSection } from "../../app/PageSection";
import { ProblemAlert } from "../../app/problem";
import { OrganizationForm, type OrganizationFormValues } from "../members/OrganizationForm";
import { OrganizationsTable } from "../members/OrganizationsTable";
import { membersKeys } from "../members/queries";
import { SearchForm } from "./SearchForm";

const PAGE_SIZE = 25;
const route = getRouteApi("/admin/organizations");

export function OrganizationsTab() {
  const { t } = useTranslation();
  const call = useApi();
  const queryClient = useQueryClient();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [formKey, setFormKey] = useState(0);
  const query = { q: search.q, page: search.page ?? 1, pageSize: PAGE_SIZE };
  const organizations = useQuery({
    queryKey: membersKeys.organizations(query),
    queryFn: () => call("listOrganizations", { query }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: membersKeys.organizationsAll });
  const create = useMutation({
    mutationFn: (body: OrganizationFormValues) => call("createOrganization", { body }),
    onSuccess: () => {
      setFormKey((k) => k + 1);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => call("removeOrganization", { params: { id } }),
    onSuccess: refresh,
  });

  return (
    <Stack gap="xl">
      <PageSection variant="card" size="h3" title={t("admin.organizations.create")}>
        {create.data && (
          <Alert color="green" role="status" mb="sm" title={t("admin.organizations.created")}>
            <AnchorLink to="/members/organizations/$id" params={{ id: create.data.id }}>
              {create.data.name}
            </AnchorLink>
          </Alert>
        )}
        <OrganizationForm
          key={formKey}
          submitLabel={t("admin.organizations.createSubmit")}
          pending={create.isPending}
          error={create.error}
          onSubmit={(values) => create.mutate(values)}
          data-testid="create-organization-form"
        />
      </PageSection>
      <PageSection size="h3" title={t("admin.organizations.list")}>
        <Stack gap="md">
          <SearchForm
            label={t("members.organizations.search")}
            value={search.q}
            onSearch={(q) => void navigate({ search: { q, page: undefined } })}
          />
          <ProblemAlert error={remove.error} />
          <PagedResults
            query={organizations}
            empty={<EmptyState title={t("members.organizations.emptyTitle")} />}
            onPage={(p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined } })}
          >
            {(data) => (
              <>
                <OrganizationsTable
                  items={data.items}
                  actions={(org) =>
                    org.peopleCount > 0 ? (
                      <Text size="xs" c="dimmed" maw={180}>
                        {t("admin.organizations.hasPeople")}
                      </Text>
                    ) : (
                      <ConfirmButton
                        question={t("admin.organizations.deleteQuestion", { name: org.name })}
                        confirmLabel={t("actions.delete")}
                        onConfirm={() => remove.mutate(org.id)}
                      >
                        {t("actions.delete")}
                      </ConfirmButton>
                    )
                  }
                />
              </>
            )}
          </PagedResults>
        </Stack>
      </PageSection>
    </Stack>
  );
}
