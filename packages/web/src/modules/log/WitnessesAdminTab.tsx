import { parseVerifierKey } from "@concordia/core";
import { Button, Card, EmptyState, Grid, Group, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { ConfirmButton } from "../../app/ConfirmButton";
import { useFormat } from "../../app/format";
import { PageSection } from "../../app/PageSection";
import { fieldErrors, ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { CountrySelect } from "../members/CountrySelect";
import { useCountries } from "../members/queries";
import { ltr, ShortHash } from "./bits";
import { logKeys, useWitnesses } from "./queries";

/** The key's name when the text is a well-formed verifier key (checked in the browser first). */
function keyName(text: string): string | undefined {
  try {
    return parseVerifierKey(text.trim()).name;
  } catch {
    return undefined;
  }
}

function RegisterWitnessForm() {
  const { t } = useTranslation();
  const call = useApi();
  const queryClient = useQueryClient();
  const [verifierKey, setVerifierKey] = useState("");
  const [countryCode, setCountryCode] = useState("");
  const [local, setLocal] = useState<string | undefined>();
  const register = useMutation({
    mutationFn: () =>
      call("registerWitness", { body: { verifierKey: verifierKey.trim(), countryCode: countryCode || null } }),
    onSuccess: () => {
      setVerifierKey("");
      setCountryCode("");
      void queryClient.invalidateQueries({ queryKey: logKeys.witnesses });
    },
  });
  const errors = fieldErrors(register.error);
  const name = keyName(verifierKey);

  return (
    <form
      noValidate
      data-testid="register-witness-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!verifierKey.trim()) return setLocal(t("validation.required"));
        if (!name) return setLocal(t("admin.witnesses.invalidKey"));
        setLocal(undefined);
        register.mutate();
      }}
    >
      <Stack gap="sm">
        <ProblemAlert error={register.error} fields={["verifierKey", "countryCode"]} />
        {register.isSuccess && (
          <Text size="sm" c="green.9" role="status" fw={500}>
            {t("admin.witnesses.registered", { name: ltr(register.data.name) })}
          </Text>
        )}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Textarea
              label={t("admin.witnesses.verifierKey")}
              description={
                name ? t("admin.witnesses.keyName", { name: ltr(name) }) : t("admin.witnesses.verifierKeyHint")
              }
              value={verifierKey}
              onChange={(e) => {
                setVerifierKey(e.currentTarget.value);
                setLocal(undefined);
                register.reset();
              }}
              error={local ?? errors.verifierKey}
              required
              autosize
              minRows={2}
              maxLength={500}
              dir="ltr"
              spellCheck={false}
              autoComplete="off"
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13 } }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <CountrySelect
              label={t("admin.witnesses.country")}
              value={countryCode}
              onChange={setCountryCode}
              emptyLabel={t("forms.noCountry")}
              error={errors.countryCode}
            />
          </Grid.Col>
        </Grid>
        <Group>
          <Button type="submit" loading={register.isPending}>
            {t("admin.witnesses.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The secretariat registers and removes the member-state witnesses of the transparency log. */
export function WitnessesAdminTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const call = useApi();
  const queryClient = useQueryClient();
  const witnesses = useWitnesses();
  const { byCode } = useCountries();
  const remove = useMutation({
    mutationFn: (id: string) => call("removeWitness", { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: logKeys.witnesses }),
  });

  return (
    <Stack gap="xl">
      <Card withBorder padding="lg" component="section" aria-labelledby="register-witness-heading">
        <Title order={2} size="h3" id="register-witness-heading" mb="xs">
          {t("admin.witnesses.register")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("admin.witnesses.intro")}
        </Text>
        <RegisterWitnessForm />
      </Card>
      <PageSection size="h3" title={t("admin.witnesses.list")}>
        <ProblemAlert error={remove.error} />
        {witnesses.isPending ? (
          <TableSkeleton rows={3} />
        ) : witnesses.error ? (
          <ProblemAlert error={witnesses.error} onRetry={() => void witnesses.refetch()} />
        ) : witnesses.data.items.length === 0 ? (
          <EmptyState title={t("log.witnesses.emptyTitle")} description={t("admin.witnesses.emptyBody")} />
        ) : (
          <div className="table-scroll">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("log.witnesses.name")}</Table.Th>
                  <Table.Th scope="col">{t("log.witnesses.country")}</Table.Th>
                  <Table.Th scope="col">{t("log.witnesses.key")}</Table.Th>
                  <Table.Th scope="col">{t("log.witnesses.registeredAt")}</Table.Th>
                  <Table.Th scope="col">{t("log.witnesses.lastCosigned")}</Table.Th>
                  <Table.Th scope="col">{t("admin.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {witnesses.data.items.map((w) => {
                  const country = w.countryCode ? byCode.get(w.countryCode) : undefined;
                  return (
                    <Table.Tr key={w.id} data-testid="witness-row">
                      <Table.Td fw={500}>
                        <bdi dir="ltr">{w.name}</bdi>
                      </Table.Td>
                      <Table.Td>{country ? f.countryName(country.names) : (w.countryCode ?? "—")}</Table.Td>
                      <Table.Td>
                        <ShortHash value={w.verifierKey} chars={28} />
                      </Table.Td>
                      <Table.Td>{f.date(w.createdAt)}</Table.Td>
                      <Table.Td>
                        {w.lastCosignedSize !== null && w.lastCosignedAt
                          ? t("log.witnesses.lastCosignedValue", {
                              size: f.number(w.lastCosignedSize),
                              date: f.dateTime(w.lastCosignedAt),
                            })
                          : t("log.witnesses.never")}
                      </Table.Td>
                      <Table.Td>
                        <ConfirmButton
                          question={t("admin.witnesses.removeQuestion", { name: ltr(w.name) })}
                          confirmLabel={t("actions.remove")}
                          onConfirm={() => remove.mutate(w.id)}
                          loading={remove.isPending && remove.variables === w.id}
                          aria-label={t("admin.witnesses.removeLabel", { name: w.name })}
                        >
                          {t("actions.remove")}
                        </ConfirmButton>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </PageSection>
    </Stack>
  );
}
