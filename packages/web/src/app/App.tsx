import "@mantine/core/styles.css";
import "./global.css";
import { DirectionProvider, MantineProvider, useDirection } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { useEffect } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { currentLanguage, directionOf, i18n } from "./i18n";
import { router } from "./router";
import { cssVariablesResolver, theme } from "./theme";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Lists are shared with other people editing them: refetch whenever a page shows them again.
      staleTime: 0,
      // Do not retry answers the server gave on purpose (404, 403...); retry network trouble once.
      retry: (count, error) => count < 1 && !(error && "status" in error),
    },
  },
});

/** Keeps Mantine's direction (and with it the whole layout) in step with the language. */
function DirectionFollowsLanguage() {
  const { i18n: instance } = useTranslation();
  const { setDirection } = useDirection();
  const lang = instance.resolvedLanguage ?? "en";
  useEffect(() => {
    setDirection(directionOf(lang));
  }, [lang, setDirection]);
  return null;
}

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={directionOf(currentLanguage())}>
        <DirectionFollowsLanguage />
        <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}
