import { Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { OverdueReviewsSection } from "./OverdueReviewsSection";
import { UploadInstrumentForm } from "./UploadInstrumentForm";

/** The secretariat validates and publishes new versions of instruments (each one logged) and sees overdue reviews. */
export function InstrumentsAdminTab() {
  const { t } = useTranslation("rules");
  return (
    <Stack gap="xl">
      <Card withBorder padding="lg" component="section" aria-labelledby="upload-instrument-heading">
        <Title order={2} size="h3" id="upload-instrument-heading" mb="xs">
          {t("admin.title")}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t("admin.intro")}
        </Text>
        <UploadInstrumentForm />
      </Card>
      <OverdueReviewsSection />
    </Stack>
  );
}
