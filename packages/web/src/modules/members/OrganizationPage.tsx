import { Anchor, Card, Container, Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { PageSection } from "../../app/PageSection";
import { ProblemAlert, problemOf } from "../../app/problem";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { OrganizationEditForm } from "./OrganizationEditForm";
import { OrganizationPeople } from "./OrganizationPeople";
import { membersKeys, useCountries } from "./queries";
import { StatusBadge } from "./StatusBadge";

const route = getRouteApi("/members/organizations/$id");

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  );
}

export function OrganizationPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const call = useApi();
  const f = useFormat();
  const session = useSession();
  const { byCode } = useCountries();
  const {
    data: org,
    isPending,
    error,
    refetch,
  } = useQuery({
    queryKey: membersKeys.organization(id),
    queryFn: () => call("getOrganization", { params: { id } }),
  });
  usePageTitle(org?.name ?? t("organization.title"));

  const back = (
    <AnchorLink to="/members" search={{}} size="sm">
      {t("organization.back")}
    </AnchorLink>
  );
  if (isPending) {
    return (
      <Container size="lg" py="md">
        <Stack aria-busy="true" role="status" aria-label={t("status.loading")}>
          <Skeleton height={36} width="60%" />
          <Skeleton height={120} />
        </Stack>
      </Container>
    );
  }
  if (error) {
    const notFound = problemOf(error)?.status === 404;
    return (
      <Container size="lg" py="md">
        <Stack>
          {back}
          {notFound ? (
            <>
              <Title order={1}>{t("organization.notFoundTitle")}</Title>
              <Text>{t("organization.notFoundBody")}</Text>
            </>
          ) : (
            <ProblemAlert error={error} onRetry={() => void refetch()} />
          )}
        </Stack>
      </Container>
    );
  }

  const country = org.countryCode ? byCode.get(org.countryCode) : undefined;
  // From the server's policy table for this organization (organizationPolicy), as the answer reports it.
  const canEdit = org.can.update;
  return (
    <Container size="lg" py="md">
      <Stack gap="xl">
        <div>
          {back}
          <Group gap="sm" mt="xs" align="center">
            <Title order={1}>{org.name}</Title>
            <StatusBadge status={org.status} />
          </Group>
        </div>
        <Card withBorder padding="lg">
          <Stack gap="md">
            <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
              <Fact label={t("members.organizations.type")}>{t(`stakeholderType.${org.type}`)}</Fact>
              <Fact label={t("members.organizations.country")}>
                {country ? f.countryName(country.names) : (org.countryCode ?? t("organization.noCountry"))}
              </Fact>
              <Fact label={t("organization.website")}>
                {org.website ? (
                  <Anchor href={org.website} target="_blank" rel="noopener noreferrer">
                    <bdi>{org.website}</bdi>
                  </Anchor>
                ) : (
                  "—"
                )}
              </Fact>
              <Fact label={t("members.organizations.people")}>{f.number(org.peopleCount)}</Fact>
              <Fact label={t("organization.createdAt")}>{f.date(org.createdAt)}</Fact>
              <Fact label={t("organization.updatedAt")}>{f.date(org.updatedAt)}</Fact>
            </SimpleGrid>
            <div>
              <Text size="sm" c="dimmed">
                {t("organization.description")}
              </Text>
              <Text style={{ whiteSpace: "pre-wrap" }}>{org.description || t("organization.noDescription")}</Text>
            </div>
          </Stack>
        </Card>
        <PageSection title={t("organization.peopleTitle")}>
          {session.user ? (
            <OrganizationPeople organizationId={org.id} />
          ) : (
            <Text>
              {t("organization.signInToSeePeople")}{" "}
              <AnchorLink to="/sign-in" search={{ redirect: `/members/organizations/${org.id}` }}>
                {t("nav.signIn")}
              </AnchorLink>
            </Text>
          )}
        </PageSection>
        {canEdit && (
          <PageSection title={t("organization.editTitle")}>
            <OrganizationEditForm organization={org} canChangeStatus={session.can.createOrganization} />
          </PageSection>
        )}
      </Stack>
    </Container>
  );
}
