import type { FieldGroup } from "@concordia/core";
import { Anchor, Button, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useJurisdictionName } from "../../app/components/useJurisdictionName";
import { LANGUAGE_NAMES } from "../../app/i18n";
import { Fact } from "../log/bits";
import { HiddenNotice } from "./HiddenNotice";
import { DatasetsTable, ModelCardSection } from "./ModelCardSection";
import type { LocalizedTexts, SystemView } from "./model";
import { ProfileSummary } from "./ProfileSummary";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`overview-${id}`} data-testid={`overview-${id}`}>
      <Title order={3} id={`overview-${id}`} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

interface OverviewTabProps {
  system: SystemView;
  texts: LocalizedTexts;
  /** Languages the provider translated into; with a toggle between the translation and the original. */
  translations: string[];
  original: boolean;
  onOriginal: (original: boolean) => void;
}

/** What the provider says about the system, limited to the field groups this reader may see. */
export function OverviewTab({ system, texts, translations, original, onOriginal }: OverviewTabProps) {
  const { t } = useTranslation("registry");
  const jurisdiction = useJurisdictionName();
  const doc = system.document;
  const hidden = system.hidden as FieldGroup[];
  const visible = (g: FieldGroup) => !hidden.includes(g);

  return (
    <Stack gap="xl">
      <HiddenNotice hidden={hidden} systemId={system.id} />
      {visible("description") && (
        <>
          {(texts.translatedTo || original) && (
            <Group gap="sm" aria-live="polite" data-testid="translation-note">
              <Text size="sm" c="dimmed">
                {texts.translatedTo
                  ? t("overview.translated", { language: LANGUAGE_NAMES[texts.translatedTo] })
                  : t("overview.original")}
              </Text>
              <Button variant="subtle" size="compact-sm" onClick={() => onOriginal(!original)}>
                {original ? t("overview.showTranslation") : t("overview.showOriginal")}
              </Button>
            </Group>
          )}
          <Section id="purpose" title={t("overview.intendedPurpose")}>
            <Text style={{ whiteSpace: "pre-wrap" }} data-testid="intended-purpose">
              {texts.intendedPurpose || "—"}
            </Text>
          </Section>
          <Section id="description" title={t("overview.description")}>
            <Text style={{ whiteSpace: "pre-wrap" }} data-testid="description">
              {texts.description || "—"}
            </Text>
          </Section>
          {translations.length > 0 && (
            <Text size="sm" c="dimmed">
              {t("overview.translations", {
                list: translations.map((l) => LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l).join(", "),
              })}
            </Text>
          )}
        </>
      )}
      {visible("profile") && doc.profile && (
        <Section id="profile" title={t("overview.profile")}>
          <ProfileSummary profile={doc.profile} />
        </Section>
      )}
      {visible("modelCard") && (
        <Section id="model-card" title={t("overview.modelCard")}>
          {doc.modelCard ? <ModelCardSection card={doc.modelCard} /> : <Text c="dimmed">{t("overview.none")}</Text>}
        </Section>
      )}
      {visible("datasets") && (
        <Section id="datasets" title={t("overview.datasets")}>
          {doc.datasets?.length ? (
            <DatasetsTable datasets={doc.datasets} />
          ) : (
            <Text c="dimmed">{t("overview.none")}</Text>
          )}
        </Section>
      )}
      {visible("deployment") && (
        <Section id="deployment" title={t("overview.deployment")}>
          {doc.deploymentCountries?.length ? (
            <List size="sm" data-testid="deployment-countries" style={{ columns: "14rem" }}>
              {doc.deploymentCountries.map((c) => (
                <List.Item key={c}>
                  {jurisdiction(c)}{" "}
                  <Text span c="dimmed" size="xs" dir="ltr">
                    ({c})
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text c="dimmed">{t("overview.none")}</Text>
          )}
        </Section>
      )}
      {visible("contact") && (
        <Section id="contact" title={t("overview.contact")}>
          {doc.contact && (doc.contact.name || doc.contact.email || doc.contact.url) ? (
            <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="md" m={0} data-testid="contact">
              {doc.contact.name && <Fact label={t("contact.name")}>{doc.contact.name}</Fact>}
              {doc.contact.email && (
                <Fact label={t("contact.email")}>
                  <Anchor href={`mailto:${doc.contact.email}`} dir="ltr">
                    {doc.contact.email}
                  </Anchor>
                </Fact>
              )}
              {doc.contact.url && (
                <Fact label={t("contact.url")}>
                  <Anchor href={doc.contact.url} target="_blank" rel="noopener noreferrer" dir="ltr">
                    {doc.contact.url}
                  </Anchor>
                </Fact>
              )}
            </SimpleGrid>
          ) : (
            <Text c="dimmed">{t("overview.none")}</Text>
          )}
        </Section>
      )}
      {visible("links") && doc.links?.length ? (
        <Section id="links" title={t("overview.links")}>
          <List size="sm" data-testid="links">
            {doc.links.map((l) => (
              <List.Item key={`${l.url}-${l.label}`}>
                <Anchor href={l.url} target="_blank" rel="noopener noreferrer">
                  {l.label}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Section>
      ) : null}
    </Stack>
  );
}
