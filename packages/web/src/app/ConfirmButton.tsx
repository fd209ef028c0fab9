import { Button, type ButtonProps, Group, Modal, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface ConfirmButtonProps extends Omit<ButtonProps, "onClick"> {
  /** What the dialog asks, e.g. "Revoke the invitation of a@b.org?" */
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => unknown;
  children: ReactNode;
  "data-testid"?: string;
  "aria-label"?: string;
}

/** A button for destructive actions: it asks in a dialog before acting. */
export function ConfirmButton({ question, confirmLabel, onConfirm, children, ...buttonProps }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, dialog] = useDisclosure(false);
  return (
    <>
      <Button color="red" variant="outline" size="xs" {...buttonProps} onClick={dialog.open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={t("confirm.title")} centered>
        <Text mb="lg">{question}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={dialog.close}>
            {t("actions.cancel")}
          </Button>
          <Button
            color="red"
            onClick={() => {
              dialog.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
