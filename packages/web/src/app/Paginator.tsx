import { Group, Pagination, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "./format";

interface PaginatorProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** "Showing 26–50 of 112" and page buttons (hidden when everything fits on one page). */
export function Paginator({ page, pageSize, total, onChange }: PaginatorProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm" mt="md">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("pagination.showing", { first: f.number(first), last: f.number(last), total: f.number(total) })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          size="sm"
          getControlProps={(control) => ({ "aria-label": t(`pagination.${control}`) })}
          getItemProps={(p) => ({ "aria-label": t("pagination.page", { page: f.number(p) }) })}
        />
      )}
    </Group>
  );
}
