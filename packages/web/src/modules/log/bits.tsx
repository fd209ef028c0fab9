import { Button, Code, CopyButton, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * Wraps a machine value (hash, key, origin, record type) interpolated into a
 * sentence in a left-to-right isolate (U+2066 … U+2069), so that in Arabic
 * it keeps its own order instead of being reordered with the words around it.
 */
export function ltr(value: string): string {
  return `\u2066${value}\u2069`;
}

/** A base64 hash, shortened in tables; the whole value is in the tooltip and read by screen readers. */
export function ShortHash({ value, chars = 12 }: { value: string; chars?: number }) {
  return (
    <Code dir="ltr" title={value} aria-label={value}>
      {value.length > chars ? `${value.slice(0, chars)}…` : value}
    </Code>
  );
}

/** One term and its value in a description list (`<dl>`). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
}

/** A long machine value (key, hash) shown in full, left to right, with a copy button. */
export function CopyableValue({ value, testId }: { value: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code dir="ltr" data-testid={testId} style={{ overflowWrap: "anywhere", whiteSpace: "normal", minWidth: 0 }}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button
            size="compact-xs"
            variant={copied ? "filled" : "outline"}
            color={copied ? "green" : "blue"}
            onClick={copy}
          >
            {copied ? t("tokens.copied") : t("tokens.copy")}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
