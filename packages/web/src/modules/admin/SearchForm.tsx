import { Button, Group, TextInput } from "@mantine/core";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

interface SearchFormProps {
  label: string;
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  /** More filters shown on the same line (selects apply at once). */
  children?: ReactNode;
}

/** A search box applied on submit, plus optional filters, for the admin lists. */
export function SearchForm({ label, value, onSearch, children }: SearchFormProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value ?? "");
  useEffect(() => setQ(value ?? ""), [value]);
  return (
    <search aria-label={label}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSearch(q.trim() || undefined);
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={label}
            type="search"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: "1 1 14rem" }}
          />
          {children}
          <Button type="submit">{t("actions.search")}</Button>
        </Group>
      </form>
    </search>
  );
}
