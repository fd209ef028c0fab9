import type { DocumentForm } from "./documentForm";

/** What every section of the system editor gets: the form and a way to change part of it. */
export interface SectionProps {
  form: DocumentForm;
  update: (change: (form: DocumentForm) => DocumentForm) => void;
}
