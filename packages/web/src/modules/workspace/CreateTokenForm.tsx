import { Button, Group, NativeSelect, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { fieldErrors, ProblemAlert } from "../../app/problem";

const EXPIRY_CHOICES = ["30", "90", "365", ""] as const;

interface CreateTokenFormProps {
  pending: boolean;
  error: unknown;
  onSubmit: (body: { name: string; expiresInDays?: number }) => void;
}

export function CreateTokenForm({ pending, error, onSubmit }: CreateTokenFormProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState<string>("90");
  const [local, setLocal] = useState<string | undefined>();
  const errors = fieldErrors(error);
  return (
    <form
      noValidate
      data-testid="create-token-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) {
          setLocal(t("validation.required"));
          return;
        }
        setLocal(undefined);
        onSubmit({ name: name.trim(), ...(expiry ? { expiresInDays: Number(expiry) } : {}) });
        setName("");
      }}
    >
      <ProblemAlert error={error} fields={["name", "expiresInDays"]} />
      <Group align="flex-end" gap="sm" mt={error ? "sm" : 0}>
        <TextInput
          label={t("tokens.name")}
          description={t("tokens.nameHint")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={local ?? errors.name}
          maxLength={100}
          required
          style={{ flex: "1 1 14rem" }}
        />
        <NativeSelect
          label={t("tokens.expiresIn")}
          value={expiry}
          onChange={(e) => setExpiry(e.currentTarget.value)}
          error={errors.expiresInDays}
          data={EXPIRY_CHOICES.map((d) => ({
            value: d,
            label: d ? t("tokens.days", { days: f.number(Number(d)) }) : t("tokens.never"),
          }))}
        />
        <Button type="submit" loading={pending}>
          {t("tokens.create")}
        </Button>
      </Group>
    </form>
  );
}
