import { Skeleton, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Placeholder rows while a list loads; announced once as "Loading…". */
export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" aria-busy="true" aria-label={t("status.loading")} role="status">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} height={36} radius="sm" />
      ))}
    </Stack>
  );
}
