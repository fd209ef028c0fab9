import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** While a page's code or translations load: a quiet spinner, announced once as "Loading…". */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-label={t("status.loading")} data-testid="page-loading">
      <Loader size="sm" type="dots" />
    </Center>
  );
}
