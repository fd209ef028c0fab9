import { Card, Container, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The narrow centred card every account page uses. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Container size={480} py="xl" px={0}>
      <Card withBorder padding="xl" radius="md">
        <Stack gap="md">
          <Title order={1} size="h2">
            {title}
          </Title>
          {intro && <Text c="dimmed">{intro}</Text>}
          {children}
        </Stack>
      </Card>
    </Container>
  );
}
