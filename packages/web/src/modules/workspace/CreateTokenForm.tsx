import { TOKEN_SCOPES, type TokenScope } from "@concordia/contracts";
import { Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { fieldErrors, ProblemAlert } from "../../app/problem";

const EXPIRY_CHOICES = ["30", "90", "365", ""] as const;

export interface CreateTokenBody {
  name: string;
  expiresInDays?: number;
  scopes: TokenScope[];
}

interface CreateTokenFormProps {
  pending: boolean;
  error: unknown;
  /** Why tokens cannot be created now (e.g. the email address is not confirmed); disables the form. */
  disabledReason?: string;
  onSubmit: (body: CreateTokenBody) => void;
}

export function CreateTokenForm({ pending, error, disabledReason, onSubmit }: CreateTokenFormProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState<string>("90");
  const [scopes, setScopes] = useState<TokenScope[]>([...TOKEN_SCOPES]);
  const [local, setLocal] = useState<{ name?: string; scopes?: string }>({});
  const errors = fieldErrors(error);
  const disabled = Boolean(disabledReason);
  return (
    <form
      noValidate
      data-testid="create-token-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (disabled) return;
        const problems: { name?: string; scopes?: string } = {};
        if (!name.trim()) problems.name = t("validation.required");
        if (scopes.length === 0) problems.scopes = t("tokens.scopesRequired");
        setLocal(problems);
        if (problems.name || problems.scopes) return;
        // In the contract's order, whatever order they were ticked in.
        const chosen = TOKEN_SCOPES.filter((s) => scopes.includes(s));
        onSubmit({ name: name.trim(), ...(expiry ? { expiresInDays: Number(expiry) } : {}), scopes: chosen });
        setName("");
      }}
    >
      <Stack gap="sm">
        <ProblemAlert error={error} fields={["name", "expiresInDays", "scopes"]} />
        {disabledReason && (
          <Text size="sm" c="orange.8" data-testid="token-create-disabled">
            {disabledReason}
          </Text>
        )}
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t("tokens.name")}
            description={t("tokens.nameHint")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={local.name ?? errors.name}
            maxLength={100}
            required
            disabled={disabled}
            style={{ flex: "1 1 14rem" }}
          />
          <NativeSelect
            label={t("tokens.expiresIn")}
            value={expiry}
            onChange={(e) => setExpiry(e.currentTarget.value)}
            error={errors.expiresInDays}
            disabled={disabled}
            data={EXPIRY_CHOICES.map((d) => ({
              value: d,
              label: d ? t("tokens.days", { days: f.number(Number(d)) }) : t("tokens.never"),
            }))}
          />
        </Group>
        <Checkbox.Group
          label={t("tokens.scopes")}
          description={t("tokens.scopesHint")}
          value={scopes}
          onChange={(value) => {
            setScopes(value as TokenScope[]);
            if (value.length > 0) setLocal((l) => ({ ...l, scopes: undefined }));
          }}
          error={local.scopes ?? errors.scopes}
          disabled={disabled}
          required
          data-testid="token-scopes"
        >
          <Group gap="lg" mt={6}>
            {TOKEN_SCOPES.map((scope) => (
              <Checkbox
                key={scope}
                value={scope}
                label={t(`tokens.scope.${scope}`)}
                description={t(`tokens.scopeHint.${scope}`)}
                disabled={disabled}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <div>
          <Button type="submit" loading={pending} disabled={disabled}>
            {t("tokens.create")}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
