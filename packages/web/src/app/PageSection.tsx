import { Card, Text, Title, type TitleOrder, VisuallyHidden } from "@mantine/core";
import { type ReactNode, useId } from "react";

interface PageSectionProps {
  title: ReactNode;
  /** A line under the heading. */
  intro?: ReactNode;
  /** "card": a bordered card (forms, panels); "plain": heading and content (lists, page parts). */
  variant?: "plain" | "card";
  /** Heading for screen readers only (a result list whose count says enough on screen). */
  hiddenTitle?: boolean;
  order?: TitleOrder;
  /** The heading's visual size; the back office and the workspace use "h3" for their sections. */
  size?: "h2" | "h3" | "h4";
  /** Marks the section busy while it refreshes. */
  busy?: boolean;
  "data-testid"?: string;
  children: ReactNode;
}

/**
 * A titled part of a page: a `<section>` named by its heading (so screen readers list it as a
 * landmark), as a plain block or a card.
 */
export function PageSection({
  title,
  intro,
  variant = "plain",
  hiddenTitle = false,
  order = 2,
  size,
  busy,
  "data-testid": testId,
  children,
}: PageSectionProps) {
  const headingId = useId();
  const heading = (
    <Title order={order} size={size} id={headingId} mb={hiddenTitle ? undefined : intro ? "xs" : "sm"}>
      {title}
    </Title>
  );
  const head = (
    <>
      {hiddenTitle ? <VisuallyHidden>{heading}</VisuallyHidden> : heading}
      {intro && (
        <Text size="sm" c="dimmed" mb="sm" maw={820}>
          {intro}
        </Text>
      )}
    </>
  );
  if (variant === "card") {
    return (
      <Card
        withBorder
        padding="lg"
        component="section"
        aria-labelledby={headingId}
        aria-busy={busy}
        data-testid={testId}
      >
        {head}
        {children}
      </Card>
    );
  }
  return (
    <section aria-labelledby={headingId} aria-busy={busy} data-testid={testId}>
      {head}
      {children}
    </section>
  );
}
