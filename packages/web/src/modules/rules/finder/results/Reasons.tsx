import { Button, Collapse } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FactTrace } from "../../obligationTypes";
import { TraceTable } from "./TraceTable";

/** A button that shows or hides the facts a result rests on. */
export function Reasons({ trace, label, subject }: { trace: FactTrace[]; label: string; subject: string }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const [open, setOpen] = useState(false);
  const id = useId();
  const visible = open ? t("results.hideReasons") : label;
  return (
    <div>
      <Button
        variant="subtle"
        size="compact-sm"
        px={4}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        data-testid="reasons-toggle"
        aria-label={`${visible} — ${subject}`}
      >
        {visible}
      </Button>
      <Collapse expanded={open} id={id}>
        {open && <TraceTable trace={trace} />}
      </Collapse>
    </div>
  );
}
