import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { i18nReady } from "./app/i18n";

const container = document.getElementById("root");
if (!container) throw new Error("index.html lacks the #root element");
const root = createRoot(container);

// The shell's words (the `common` namespace of the current language) arrive before the first
// paint; each page's own namespace loads with the page, under the shell's Suspense boundary.
void i18nReady
  .catch(() => undefined) // without translations the page still works, showing keys
  .then(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
