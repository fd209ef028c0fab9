import { Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type BooleanFact, LIST_OPTIONS, type ListFact, type NumberFact } from "../profileForm";
import { ListField } from "./ListField";
import { NumberField } from "./NumberField";
import { type StepProps, setBoolean, setList, setNumber } from "./stepProps";
import { TriStateField } from "./TriStateField";

/** A titled group of questions within a step. */
export function QuestionGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="md" component="section">
      <Title order={3} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Yes / no / don't know questions, one per boolean fact. */
export function BooleanQuestions({ facts, form, onChange }: StepProps & { facts: readonly BooleanFact[] }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  return (
    <>
      {facts.map((fact) => (
        <TriStateField
          key={fact}
          label={t(`questions.${fact}`)}
          description={t(`help.${fact}`)}
          value={form.booleans[fact]}
          onChange={(v) => onChange(setBoolean(fact, v))}
          testId={`fact-${fact}`}
        />
      ))}
    </>
  );
}

/** A closed-list question (roles, purposes, functions, contexts, modalities). */
export function ListQuestion({ fact, form, onChange, columns }: StepProps & { fact: ListFact; columns?: number }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const options = LIST_OPTIONS[fact].map((value) => ({
    value,
    label: t(`values.${fact}.${value}` as "values.roles.provider"),
  }));
  return (
    <ListField
      legend={t(`questions.${fact}`)}
      description={t(`help.${fact}`)}
      options={options}
      answer={form.lists[fact]}
      onChange={(answer) => onChange(setList(fact, answer))}
      testId={`fact-${fact}`}
      columns={columns}
    />
  );
}

/** A number question; `unit` and notation suit the fact. */
export function NumberQuestion({ fact, form, onChange }: StepProps & { fact: NumberFact }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  return (
    <NumberField
      fact={fact}
      label={t(`questions.${fact}`)}
      description={t(`help.${fact}`)}
      value={form.numbers[fact]}
      onChange={(text) => onChange(setNumber(fact, text))}
      unit={fact === "gpai.trainingComputeFlop" ? "FLOP" : fact === "organization.annualRevenueUsd" ? "USD" : undefined}
      scientificReadback={fact === "gpai.trainingComputeFlop"}
    />
  );
}
