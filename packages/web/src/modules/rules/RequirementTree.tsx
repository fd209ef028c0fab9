import type { Requirement } from "@concordia/core";
import { ActionIcon, Button, Group, Stack, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { AddresseeBadges, CategoryBadge, VerifyBadge } from "./badges";
import "./rules.css";
import { countRequirements, parentIds } from "./tree";

interface NodeProps {
  instrumentId: string;
  categories: ReadonlyMap<string, string>;
  requirement: Requirement;
  open: ReadonlySet<string>;
  toggle: (id: string) => void;
  depth: number;
}

function RequirementNode({ instrumentId, categories, requirement: r, open, toggle, depth }: NodeProps) {
  const { t } = useTranslation("rules");
  const children = r.children ?? [];
  const expanded = open.has(r.id);
  const childListId = `req-children-${r.id}`;
  return (
    <li data-testid="tree-node" data-id={r.id}>
      <Group gap="xs" wrap="nowrap" align="flex-start" py={4}>
        {children.length > 0 ? (
          <ActionIcon
            variant="subtle"
            size="sm"
            mt={2}
            onClick={() => toggle(r.id)}
            aria-expanded={expanded}
            aria-controls={childListId}
            aria-label={expanded ? t("tree.collapse", { ref: r.ref }) : t("tree.expand", { ref: r.ref })}
            data-testid="tree-toggle"
          >
            <span aria-hidden="true" className="rules-caret" data-open={expanded}>
              ▸
            </span>
          </ActionIcon>
        ) : (
          <span style={{ width: 22, flex: "none" }} />
        )}
        <div style={{ minWidth: 0 }}>
          <AnchorLink
            to="/instruments/$id/requirements/$requirementId"
            params={{ id: instrumentId, requirementId: r.id }}
            fw={depth === 0 ? 600 : 500}
            data-testid="tree-link"
          >
            <bdi>{r.ref}</bdi> — {r.title}
          </AnchorLink>
          <Group gap={6} mt={2}>
            {r.addressees && <AddresseeBadges addressees={r.addressees} />}
            {r.category && <CategoryBadge category={r.category} label={categories.get(r.category)} />}
            {r.verify && <VerifyBadge note={r.note} />}
          </Group>
        </div>
      </Group>
      {children.length > 0 && (
        <ul id={childListId} className="rules-tree" hidden={!expanded}>
          {expanded &&
            children.map((c) => (
              <RequirementNode
                key={c.id}
                instrumentId={instrumentId}
                categories={categories}
                requirement={c}
                open={open}
                toggle={toggle}
                depth={depth + 1}
              />
            ))}
        </ul>
      )}
    </li>
  );
}

/** The requirement tree: each node opens and closes with a button, and links to its own page. */
export function RequirementTree({
  instrumentId,
  requirements,
  categories = [],
}: {
  instrumentId: string;
  requirements: readonly Requirement[];
  categories?: readonly { id: string; label: string }[];
}) {
  const labels = useMemo(() => new Map(categories.map((c) => [c.id, c.label])), [categories]);
  const { t } = useTranslation("rules");
  const f = useFormat();
  const all = useMemo(() => parentIds(requirements), [requirements]);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(requirements.map((r) => r.id)));
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {t("tree.count", { n: f.number(countRequirements(requirements)) })}
        </Text>
        {all.length > 0 && (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpen(new Set(all))} data-testid="tree-expand-all">
              {t("tree.expandAll")}
            </Button>
            <Button size="xs" variant="default" onClick={() => setOpen(new Set())}>
              {t("tree.collapseAll")}
            </Button>
          </Group>
        )}
      </Group>
      <ul className="rules-tree rules-tree-root" data-testid="requirement-tree">
        {requirements.map((r) => (
          <RequirementNode
            key={r.id}
            instrumentId={instrumentId}
            categories={labels}
            requirement={r}
            open={open}
            toggle={toggle}
            depth={0}
          />
        ))}
      </ul>
    </Stack>
  );
}
