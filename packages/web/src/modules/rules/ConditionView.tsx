import type { Condition } from "@concordia/core";
import { Badge, Code, Stack, Text } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { type ConditionWords, type Leaf, leafParts } from "./condition";
import { useJurisdictionLabel, useListFormat } from "./format";

function useConditionWords(): ConditionWords {
  const { t } = useTranslation("rules");
  const place = useJurisdictionLabel();
  const or = useListFormat("disjunction");
  const { lang } = useFormat();
  const plain = new Intl.NumberFormat(lang);
  const scientific = new Intl.NumberFormat(lang, { notation: "scientific" });
  return {
    and: t("condition.and"),
    or: t("condition.or"),
    not: t("condition.not"),
    op: (o) => t(`condition.op.${o}`),
    place: (code) => `${place(code)} (${code})`,
    list: or,
    number: (n) => (Math.abs(n) >= 1e7 ? scientific : plain).format(n),
  };
}

function LeafView({ c, words }: { c: Leaf; words: ConditionWords }) {
  const { operator, values } = leafParts(c, words);
  return (
    <Text span>
      <Code dir="ltr">{c.fact}</Code> {words.op(operator)}{" "}
      {values.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: values of a test may repeat
        <Fragment key={i}>
          {i > 0 && ", "}
          {operator === "inJurisdiction" ? <strong>{v}</strong> : <Code dir="ltr">{v}</Code>}
        </Fragment>
      ))}
    </Text>
  );
}

function Node({ c, words }: { c: Condition; words: ConditionWords }) {
  if ("all" in c || "any" in c) {
    const parts = "all" in c ? c.all : c.any;
    if (parts.length === 1 && parts[0]) return <Node c={parts[0]} words={words} />;
    const joiner = "all" in c ? words.and : words.or;
    return (
      <Stack
        gap={4}
        component="ul"
        m={0}
        p={0}
        ps="sm"
        style={{ listStyle: "none", borderInlineStart: "3px solid var(--mantine-color-blue-2)" }}
      >
        {parts.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a condition have no identity of their own
          <li key={i}>
            {i > 0 && (
              <Badge size="xs" variant="light" color={"all" in c ? "blue" : "violet"} me={6}>
                {joiner}
              </Badge>
            )}
            <Node c={p} words={words} />
          </li>
        ))}
      </Stack>
    );
  }
  if ("not" in c) {
    return (
      <span>
        <Badge size="xs" variant="light" color="red" me={6}>
          {words.not}
        </Badge>
        <Node c={c.not} words={words} />
      </span>
    );
  }
  return <LeafView c={c} words={words} />;
}

/** Whether a condition reads well on one line: a test, or one AND/OR of tests. */
function isFlat(c: Condition): boolean {
  const simple = (p: Condition) =>
    !("all" in p || "any" in p || "not" in p) || ("not" in p && isFlat(p.not) && !("all" in p.not || "any" in p.not));
  if ("all" in c) return c.all.every(simple);
  if ("any" in c) return c.any.every(simple);
  return simple(c);
}

/** An applicability condition, readable: one line of facts joined by AND, OR and NOT, nested ones as a tree. */
export function ConditionView({ condition }: { condition: Condition }) {
  const words = useConditionWords();
  if (isFlat(condition)) {
    const parts = "all" in condition ? condition.all : "any" in condition ? condition.any : [condition];
    const joiner = "all" in condition ? words.and : words.or;
    return (
      <Text data-testid="condition-text" style={{ overflowWrap: "anywhere" }}>
        {parts.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a condition have no identity of their own
          <Fragment key={i}>
            {i > 0 && <strong> {joiner} </strong>}
            {"not" in p ? (
              <>
                <strong>{words.not}</strong> <LeafView c={p.not as Leaf} words={words} />
              </>
            ) : (
              <LeafView c={p as Leaf} words={words} />
            )}
          </Fragment>
        ))}
      </Text>
    );
  }
  return (
    <div data-testid="condition">
      <Node c={condition} words={words} />
    </div>
  );
}
