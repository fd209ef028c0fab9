import { Text } from "@mantine/core";
import { createContext, type ReactNode, useContext } from "react";
import { errorsUnder } from "./documentErrors";

/** The editor's errors by form path (the server's, put back at their rows, and the local checks). */
const FieldErrorsContext = createContext<Record<string, string>>({});

export function FieldErrorsProvider({ errors, children }: { errors: Record<string, string>; children: ReactNode }) {
  return <FieldErrorsContext.Provider value={errors}>{children}</FieldErrorsContext.Provider>;
}

/** Every error by form path. */
export function useErrorMap(): Record<string, string> {
  return useContext(FieldErrorsContext);
}

/** The error at a path; with `deep`, also the errors under it (joined), for fields holding lists. */
export function useFieldError(path: string, deep = false): string | undefined {
  const errors = useContext(FieldErrorsContext);
  if (!deep) return errors[path];
  const all = errorsUnder(errors, path);
  return all.length ? [...new Set(all)].join(" ") : undefined;
}

/**
 * An error shown under a group of controls that has no error slot of its own (a fieldset of
 * checkboxes). The group points at it with aria-describedby={id}.
 */
export function GroupError({ id, path, deep = true }: { id: string; path: string; deep?: boolean }) {
  const error = useFieldError(path, deep);
  if (!error) return null;
  return (
    <Text id={id} size="sm" c="red.8" role="alert" data-testid={`error-${path}`}>
      {error}
    </Text>
  );
}
