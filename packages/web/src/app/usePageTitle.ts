import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Sets the document title so each page is announced and listed in history by its name. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const app = t("app.name");
  useEffect(() => {
    document.title = title && title !== app ? `${title} · ${app}` : app;
  }, [title, app]);
}
