import { ANSWERS, type Answer } from "@concordia/core";
import { Button, Card, FileInput, Group, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../../app/api";
import { useFormat } from "../../../app/format";
import { AnchorLink } from "../../../app/links";
import { problemOf } from "../../../app/problem";
import {
  type Assessment,
  answerBody,
  type Draft,
  draftOf,
  isDirty,
  type Question,
  type StoredAnswer,
  sourceParts,
  withEvidence,
} from "./assessment";
import { EvidenceList } from "./EvidenceList";
import { formatBytes, MAX_EVIDENCE_BYTES, readFileBase64 } from "./files";

type SaveStatus = "idle" | "saving" | "saved" | "error";

interface QuestionCardProps {
  assessmentId: string;
  organizationId: string | null;
  question: Question;
  stored: StoredAnswer | undefined;
  readOnly: boolean;
  onSaved: (assessment: Assessment) => void;
}

/** One question: the answer, a note and evidence files, saved on their own as they change. */
export function QuestionCard({ assessmentId, organizationId, question, stored, readOnly, onSaved }: QuestionCardProps) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const call = useApi();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(stored));
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [saveError, setSaveError] = useState<unknown>(null);
  const [upload, setUpload] = useState<{ pending: boolean; error: string | null }>({ pending: false, error: null });
  const latest = useRef(draft);
  latest.current = draft;
  const delay = useRef(0);
  const inFlight = useRef(false);
  const again = useRef(false);

  const save = useCallback(async () => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const body = answerBody(latest.current);
    if (!body) return;
    inFlight.current = true;
    setStatus("saving");
    try {
      const view = await call("answerQuestion", { params: { assessmentId, questionId: question.id }, body });
      setSaveError(null);
      setStatus("saved");
      onSaved(view);
    } catch (error) {
      setSaveError(error);
      setStatus("error");
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void save();
      }
    }
  }, [call, assessmentId, question.id, onSaved]);

  // Autosave: a choice or a file at once, a note once typing pauses.
  useEffect(() => {
    if (readOnly || !isDirty(draft, stored)) return;
    const timer = setTimeout(() => void save(), delay.current);
    return () => clearTimeout(timer);
  }, [draft, stored, readOnly, save]);

  const change = (next: Draft, wait: number) => {
    delay.current = wait;
    setDraft(next);
  };

  const addFile = async (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_EVIDENCE_BYTES) {
      setUpload({ pending: false, error: t("evidence.tooLarge", { max: formatBytes(MAX_EVIDENCE_BYTES, f.lang) }) });
      return;
    }
    if (!organizationId) return;
    setUpload({ pending: true, error: null });
    try {
      const read = await readFileBase64(file);
      const stored = await call("uploadEvidence", {
        body: { organizationId, fileName: read.fileName, mediaType: read.mediaType, contentBase64: read.contentBase64 },
      });
      setUpload({ pending: false, error: null });
      change(withEvidence(latest.current, stored), 0);
    } catch (error) {
      const p = problemOf(error);
      setUpload({ pending: false, error: p ? (p.detail ?? p.title) : t("evidence.failed") });
    }
  };

  const source = sourceParts(question.source);
  const needsAnswer = !readOnly && !draft.answer && (draft.note.trim() !== "" || draft.evidence.length > 0);
  return (
    <Card withBorder padding="md" data-testid="question" data-question={question.id} data-answered={!!stored}>
      <Stack gap="sm">
        <Radio.Group
          label={
            <span>
              <Text span ff="monospace" size="sm" dir="ltr">
                {question.ref}
              </Text>{" "}
              {question.text}
            </span>
          }
          value={draft.answer ?? ""}
          onChange={(v) => change({ ...draft, answer: v as Answer }, 0)}
        >
          <Group gap="md" mt="xs" wrap="wrap">
            {ANSWERS.map((a) => (
              <Radio key={a} value={a} label={t(`answers.${a}`)} disabled={readOnly} data-testid={`answer-${a}`} />
            ))}
          </Group>
        </Radio.Group>
        {source && (
          <Text size="xs" c="dimmed">
            {t("assessment.source")}{" "}
            <AnchorLink to="/instruments/$id/requirements/$requirementId" params={source} size="xs">
              <bdi>{question.source}</bdi>
            </AnchorLink>
          </Text>
        )}
        <Textarea
          label={t("assessment.note")}
          value={draft.note}
          onChange={(e) => change({ ...draft, note: e.currentTarget.value }, 800)}
          readOnly={readOnly}
          autosize
          minRows={1}
          maxRows={8}
          maxLength={4000}
          data-testid="answer-note"
        />
        <EvidenceList
          files={draft.evidence}
          onRemove={
            readOnly
              ? undefined
              : (sha) => change({ ...draft, evidence: draft.evidence.filter((e) => e.sha256 !== sha) }, 0)
          }
        />
        {!readOnly && (
          <FileInput
            label={t("evidence.add")}
            description={t("evidence.hint", { max: formatBytes(MAX_EVIDENCE_BYTES, f.lang) })}
            placeholder={upload.pending ? t("evidence.uploading") : t("evidence.pick")}
            value={null}
            onChange={(file) => void addFile(file)}
            disabled={upload.pending || !organizationId}
            error={upload.error}
            fileInputProps={{ "data-testid": "evidence-file" } as React.ComponentPropsWithoutRef<"input">}
            maw={420}
          />
        )}
        {!readOnly && (
          <Group gap="xs" aria-live="polite" id={`${id}-status`} data-testid="save-status" data-status={status}>
            {needsAnswer ? (
              <Text size="xs" c="orange.9">
                {t("assessment.needsAnswer")}
              </Text>
            ) : status === "saving" ? (
              <Text size="xs" c="dimmed">
                {t("assessment.saving")}
              </Text>
            ) : status === "saved" ? (
              <Text size="xs" c="green.9">
                {t("assessment.saved")}
              </Text>
            ) : status === "error" ? (
              <>
                <Text size="xs" c="red.8" role="alert">
                  {t("assessment.saveFailed", { reason: problemOf(saveError)?.title ?? t("assessment.network") })}
                </Text>
                <Button size="compact-xs" variant="light" color="red" onClick={() => void save()}>
                  {t("assessment.retry")}
                </Button>
              </>
            ) : null}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
