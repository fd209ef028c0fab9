import type { SystemProfile } from "@concordia/core";
import { Alert, Button, CopyButton, FileButton, Group, List, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadJson } from "../../../../app/download";
import { parseProfileJson } from "../profileUrl";

interface ProfileActionsProps {
  profile: SystemProfile;
  /** The shareable address of these answers and their results. */
  shareUrl: string;
  onImport: (profile: SystemProfile) => void;
}

/** Import and download the profile as JSON, and copy the shareable link. */
export function ProfileActions({ profile, shareUrl, onImport }: ProfileActionsProps) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const [errors, setErrors] = useState<string[] | null>(null);
  const [imported, setImported] = useState(false);

  const read = async (file: File | null) => {
    if (!file) return;
    const parsed = parseProfileJson(await file.text());
    setImported(parsed.ok);
    if (parsed.ok) {
      setErrors(null);
      onImport(parsed.profile);
    } else setErrors(parsed.errors);
  };

  return (
    <Stack gap="xs">
      <Group gap="sm">
        <FileButton onChange={(file) => void read(file)} accept="application/json,.json">
          {(props) => (
            <Button variant="default" size="sm" {...props} data-testid="import-profile">
              {t("profile.import")}
            </Button>
          )}
        </FileButton>
        <Button
          variant="default"
          size="sm"
          onClick={() => downloadJson("concordia-profile.json", profile)}
          data-testid="download-profile"
        >
          {t("profile.download")}
        </Button>
        <CopyButton value={shareUrl}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? "filled" : "default"}
              color={copied ? "green" : undefined}
              size="sm"
              onClick={copy}
            >
              {copied ? t("profile.linkCopied") : t("profile.copyLink")}
            </Button>
          )}
        </CopyButton>
      </Group>
      <div aria-live="polite">
        {imported && (
          <Alert color="green" variant="light" withCloseButton onClose={() => setImported(false)}>
            {t("profile.imported")}
          </Alert>
        )}
        {errors && (
          <Alert color="red" title={t("profile.importFailed")} withCloseButton onClose={() => setErrors(null)}>
            <List size="sm">
              {errors.slice(0, 10).map((e) => (
                <List.Item key={e}>
                  <bdi dir="ltr">{e}</bdi>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </div>
    </Stack>
  );
}
