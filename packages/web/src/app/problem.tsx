import { ApiError, type Problem } from "@concordia/contracts";
import { Alert, Button, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The RFC 9457 problem behind an error, or null for network and programming errors. */
export function problemOf(error: unknown): Problem | null {
  return error instanceof ApiError ? error.problem : null;
}

/**
 * Field errors of a failed request, keyed by the field's JSON path without its
 * location ("body.email" → "email"), ready to pass as `error` to an input.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problemOf(error)?.errors ?? []) {
    const key = e.field.replace(/^(body|query|params)\./, "");
    out[key] ??= e.message;
  }
  return out;
}

interface ProblemAlertProps {
  error: unknown;
  /** Fields shown next to their inputs; other field errors are listed in the alert. */
  fields?: readonly string[];
  onRetry?: () => void;
}

/** Title and detail of a failed request, in an alert that never throws. */
export function ProblemAlert({ error, fields = [], onRetry }: ProblemAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = problemOf(error);
  const title = problem?.title || t("errors.generic");
  const detail = problem ? problem.detail : t("errors.network");
  const otherFields = (problem?.errors ?? []).filter(
    (e) => !fields.includes(e.field.replace(/^(body|query|params)\./, "")),
  );
  return (
    <Alert color="red" title={title} role="alert" data-testid="problem-alert">
      <Stack gap="xs">
        {detail && detail !== title && <Text size="sm">{detail}</Text>}
        {otherFields.length > 0 && (
          <List size="sm">
            {otherFields.map((e) => (
              <List.Item key={`${e.field}:${e.message}`}>
                {e.field}: {e.message}
              </List.Item>
            ))}
          </List>
        )}
        {onRetry && (
          <div>
            <Button size="xs" variant="outline" color="red" onClick={onRetry}>
              {t("actions.retry")}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
